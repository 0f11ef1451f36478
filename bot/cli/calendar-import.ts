import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { withWeekday } from '../calendar/days';
import { NoticeError, noticeDays, type Notice } from '../calendar/notice';
import { parseIcs } from '../calendar/notice-ics';
import { storeNotice } from '../calendar/notice-store';
import { parseNoticeText } from '../calendar/notice-text';
import { eachDay } from '../calendar/days';
import type { Database } from '../db/database';
import { CliError } from './context';

/** Reads a notice file: the State Council's text, or an iCalendar file (by its name or its first line). */
function readNotices(file: string, year: number | undefined): { format: 'notice' | 'ics'; notices: Notice[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const ics = /\.ics$/i.test(file) || /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text);
  return ics ? { format: 'ics', notices: parseIcs(text, year) } : { format: 'notice', notices: [parseNoticeText(text, year)] };
}

/** What a notice says, line by line: every holiday range and make-up workday found. */
function describe(notice: Notice): string[] {
  return [
    `${notice.year} 年：`,
    ...notice.holidays.map((h) => `  放假 holiday  ${h.festivals.join('、')}  ${withWeekday(h.from)}${h.to === h.from ? '' : ` 至 ${withWeekday(h.to)}`}，共 ${eachDay(h.from, h.to).length} 天`),
    ...notice.workdays.map((w) => `  上班 workday  ${w.festivals.join('、')}  ${withWeekday(w.date)}`),
    ...notice.notes.map((n) => `  说明（不改变日期）${n}`),
  ];
}

/**
 * `calendar import <notice.txt|.ics> [--year 2027] [--dry-run]` (SPEC §5):
 * prints every range and make-up workday found, refuses the whole file when
 * any of it cannot be accounted for, and stores each year, replacing an
 * earlier import of that year. Administrator overrides still win.
 */
export async function importCalendar(db: Database, file: string, options: { year?: number; dryRun: boolean; now: Date }, out: (line: string) => void): Promise<void> {
  let read: ReturnType<typeof readNotices>;
  let days: ReturnType<typeof noticeDays>[];
  try {
    read = readNotices(file, options.year);
    days = read.notices.map(noticeDays);
  } catch (err) {
    if (err instanceof NoticeError) throw new CliError(`未导入，日历没有改变 / nothing imported: ${err.message}`);
    throw err;
  }
  read.notices.forEach((notice) => describe(notice).forEach((line) => out(line)));
  if (options.dryRun) {
    out('--dry-run：只核对，未保存 / nothing stored');
    return;
  }
  for (const [i, notice] of read.notices.entries()) {
    const stored = days[i];
    const replaced = await storeNotice(db, notice.year, stored, { format: read.format, file: basename(file), now: options.now });
    const holidays = stored.filter((d) => d.kind === 'holiday').length;
    out(
      `已导入 ${notice.year} 年 / imported: ${holidays} 个放假日，${stored.length - holidays} 个调休上班日` +
        (replaced ? `（替换了 ${replaced.importedAt.slice(0, 10)} 从 ${replaced.file} 导入的安排）` : ''),
    );
  }
}

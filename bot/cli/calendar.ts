import { parseArgs } from 'node:util';
import { WorkCalendar } from '../calendar';
import { isCalendarDate } from '../calendar/days';
import { calendarMessages } from '../calendar/messages';
import { calendarStatus } from '../calendar/status';
import { localTime } from '../time';
import { importCalendar } from './calendar-import';
import { CliError, type CliCommand } from './context';

const OFFICIAL_LABEL = { notice: '已导入国务院通知 (imported notice)', package: 'chinese-days 官方数据 (package)' } as const;

/** A year given as --year: four digits. */
function yearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new CliError('give the year as four digits, e.g. --year 2027', 2);
  return Number(value);
}

/** `calendar set|unset|list|status|import` (SPEC §5). */
export const calendarCommand: CliCommand = {
  name: 'calendar',
  usage:
    'calendar set 2027-01-01 holiday|workday | calendar unset <date> | calendar list [--year 2027] | calendar status [--at 2026-11-15] | calendar import <notice.txt|.ics> [--year 2027] [--dry-run]',
  async run(argv, { db, config, out }) {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { year: { type: 'string' }, at: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    });
    const [action, date, kind] = positionals;
    const calendar = new WorkCalendar(db);
    const now = new Date();
    const today = values.at ?? localTime(now, config.timezone).date;
    if (!isCalendarDate(today)) throw new CliError('give --at as YYYY-MM-DD', 2);
    if (action === 'import') {
      if (!date) throw new CliError('give the notice file: calendar import 通知.txt (or a .ics file)', 2);
      await importCalendar(db, date, { year: yearOption(values.year), dryRun: values['dry-run'], now }, out);
      return;
    }
    if (action === 'status') {
      const status = await calendarStatus(calendar, db, today);
      for (const y of status.years) {
        const where = y.official ? OFFICIAL_LABEL[y.official] + (y.file ? `: ${y.file}, ${y.importedAt}` : '') : '没有官方调休数据，按法定节假日推算 (statutory fallback only)';
        out(`${y.year}  ${where}`);
      }
      if (status.warning) out(status.warning);
      return;
    }
    if (action === 'list') {
      const year = yearOption(values.year);
      const overrides = await calendar.overrides();
      if (year === undefined) {
        if (overrides.size === 0) out('no overrides: the official calendar decides every date');
        for (const [d, k] of overrides) out(`${d}  ${k === 'holiday' ? 'holiday 休息' : 'workday 上班'}`);
        out('every holiday and make-up workday of a year, with its source: calendar list --year 2027');
        return;
      }
      for (const day of await calendar.specialDays(year)) out(calendarMessages.dayLine(day));
      return;
    }
    if ((action === 'set' || action === 'unset') && !isCalendarDate(date)) throw new CliError('give the date as YYYY-MM-DD', 2);
    if (action === 'set' && (kind === 'holiday' || kind === 'workday')) {
      await calendar.set(date!, kind, now);
      out(`${date} is now a ${kind}`);
      return;
    }
    if (action === 'unset') {
      out((await calendar.unset(date!)) ? `${date}: override removed; the official calendar decides` : `${date} had no override`);
      return;
    }
    throw new CliError(`usage: ${this.usage}`, 2);
  },
};

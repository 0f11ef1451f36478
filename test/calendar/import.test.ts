import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { noOfficialCalendar, WorkCalendar } from '../../bot/calendar';
import { eachDay } from '../../bot/calendar/days';
import { importCalendar } from '../../bot/cli/calendar-import';
import type { Database } from '../../bot/db/database';
import { openTestDatabase } from '../support/db';

const fixturePath = (name: string) => new URL(`../fixtures/calendar/${name}`, import.meta.url).pathname;
const NOW = new Date('2026-11-20T02:00:00Z');

/** A 2027 notice as a hall would paste it (the real one is not published yet): 2月20日 is a make-up Saturday. */
const NOTICE_2027 = readFileSync(fixturePath('notice-2027-sample.txt'), 'utf8');

function writeTemp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hg-notice-')), name);
  writeFileSync(file, text);
  return file;
}

describe('calendar import', () => {
  let db: Database;
  let lines: string[];
  const out = (line: string) => lines.push(line);
  beforeEach(async () => {
    db = await openTestDatabase();
    lines = [];
  });
  afterEach(() => db.close());

  it('stores a year from the notice, marked with its source, above the statutory rule', async () => {
    await importCalendar(db, writeTemp('通知.txt', NOTICE_2027), { dryRun: false, now: NOW }, out);
    expect(lines.join('\n')).to.contain('2027-02-05（周五） 至 2027-02-12（周五），共 8 天').and.contain('上班 workday  春节  2027-02-20（周六）');
    const calendar = new WorkCalendar(db);
    expect(await calendar.day('2027-02-20')).to.include({ workday: true, source: 'notice', name: '春节' });
    expect(await calendar.day('2027-02-11')).to.include({ workday: false, source: 'notice' });
    // The notice gives 中秋 one day: the law's guess of a 补假 no longer applies to the year.
    expect(await calendar.day('2027-10-08')).to.include({ workday: true, source: 'week' });
    expect(await calendar.officialSource(2027)).to.equal('notice');
  });

  it('reproduces the package: the 2026 notice imported over a calendar without the package gives every 2026 date the same verdict', async () => {
    await importCalendar(db, fixturePath('notice-2026.txt'), { dryRun: false, now: NOW }, out);
    const imported = new WorkCalendar(db, noOfficialCalendar);
    const packaged = new WorkCalendar(db);
    for (const d of eachDay('2026-01-01', '2026-12-31')) {
      expect(await imported.isWorkday(d), d).to.equal(Object.hasOwn(data.workdays, d) || (!Object.hasOwn(data.holidays, d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())));
    }
    expect(await packaged.day('2026-02-14')).to.include({ source: 'notice', workday: true });
  });

  it('replaces an earlier import of the same year', async () => {
    await importCalendar(db, writeTemp('first.txt', NOTICE_2027), { dryRun: false, now: NOW }, out);
    const changed = NOTICE_2027.replace('2月20日（周六）上班', '2月21日（周日）上班');
    await importCalendar(db, writeTemp('second.txt', changed), { dryRun: false, now: new Date('2026-11-21T02:00:00Z') }, out);
    expect(lines.at(-1)).to.contain('替换了 2026-11-20 从 first.txt 导入的安排');
    const calendar = new WorkCalendar(db);
    expect(await calendar.isWorkday('2027-02-20')).to.equal(false);
    expect(await calendar.isWorkday('2027-02-21')).to.equal(true);
    const [row] = await db.all<{ n: unknown }>('SELECT count(*) AS n FROM calendar_notice_day WHERE year = 2027');
    expect(Number(row.n)).to.equal(1 + 3 + 8 + 3 + 5 + 2 + 1 + 1 + 7 + 2);
  });

  it('refuses a bad notice whole and keeps the earlier import', async () => {
    await importCalendar(db, writeTemp('good.txt', NOTICE_2027), { dryRun: false, now: NOW }, out);
    const bad = NOTICE_2027.replace('4月25日（周日）', '4月25日（周六）');
    let message = '';
    await importCalendar(db, writeTemp('bad.txt', bad), { dryRun: false, now: NOW }, out).catch((err: Error) => (message = err.message));
    expect(message).to.contain('未导入').and.contain('第5行');
    expect(await new WorkCalendar(db).isWorkday('2027-02-20')).to.equal(true);
  });

  it('prints without storing on --dry-run', async () => {
    await importCalendar(db, writeTemp('通知.txt', NOTICE_2027), { dryRun: true, now: NOW }, out);
    expect(lines.join('\n')).to.contain('2027 年').and.contain('nothing stored');
    expect(await new WorkCalendar(db).officialSource(2027)).to.equal(null);
  });

  it('imports an iCalendar file: the package’s own 2026 calendar gives its data', async () => {
    await importCalendar(db, fixturePath('holidays-2026.ics'), { dryRun: false, now: NOW }, out);
    const rows = await db.all<{ date: string; kind: string }>('SELECT date, kind FROM calendar_notice_day WHERE year = 2026 ORDER BY date');
    const pick = (dates: Record<string, string>) => Object.keys(dates).filter((d) => d.startsWith('2026-')).sort();
    expect(rows.filter((r) => r.kind === 'holiday').map((r) => r.date)).to.deep.equal(pick(data.holidays));
    expect(rows.filter((r) => r.kind === 'workday').map((r) => r.date)).to.deep.equal(pick(data.workdays));
  });

  it('refuses an iCalendar file with an event that is neither a day off nor a workday, or with an unknown festival, or that is no calendar', async () => {
    const event = (summary: string) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1', 'DTSTAMP:20261101T000000Z', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270102', `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const refusal = async (name: string, text: string) => {
      let message = '';
      await importCalendar(db, writeTemp(name, text), { dryRun: false, now: NOW }, out).catch((err: Error) => (message = err.message));
      return message;
    };
    expect(await refusal('a.ics', event('元旦'))).to.contain('看不出是放假还是上班');
    expect(await refusal('b.ics', event('公司团建(休)'))).to.contain('公司团建').and.contain('不认识的节日');
    expect(await refusal('c.ics', 'BEGIN:VCALENDAR\nthis is not')).to.contain('iCalendar');
    expect(await refusal('d.ics', event('元旦(休)'))).to.contain('缺少');
    expect(await db.all('SELECT * FROM calendar_notice')).to.deep.equal([]);
  });
});

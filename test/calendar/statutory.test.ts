import { expect } from 'chai';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { noOfficialCalendar, WorkCalendar } from '../../bot/calendar';
import { eachDay, isWeekend } from '../../bot/calendar/days';
import type { Database } from '../../bot/db/database';
import { openTestDatabase } from '../support/db';

const inYear = (dates: Record<string, string>, year: number) => Object.keys(dates).filter((d) => d.startsWith(`${year}-`));

describe('the statutory calendar, for a year without official data', () => {
  let db: Database;
  let lawOnly: WorkCalendar;
  beforeEach(async () => {
    db = await openTestDatabase();
    lawOnly = new WorkCalendar(db, noOfficialCalendar);
  });
  afterEach(() => db.close());

  for (const year of [2025, 2026]) {
    it(`reproduces the days off by law of ${year}: the package's holidays less its 调休 days, weekends aside`, async () => {
      const holidays = inYear(data.holidays, year);
      const inLieu = new Set(inYear(data.inLieuDays, year));
      const byLaw = holidays.filter((d) => !isWeekend(d) && !inLieu.has(d)).sort();
      const computed = eachDay(`${year}-01-01`, `${year}-12-31`).filter((d) => !isWeekend(d));
      const offByLaw: string[] = [];
      for (const d of computed) if (!(await lawOnly.isWorkday(d))) offByLaw.push(d);
      expect(offByLaw).to.deep.equal(byLaw);
    });

    it(`keeps every festival day of ${year} off, and every day the package calls ordinary a workday on weekdays`, async () => {
      const special = new Set([...inYear(data.holidays, year), ...inYear(data.workdays, year)]);
      for (const d of eachDay(`${year}-01-01`, `${year}-12-31`).filter((x) => !special.has(x))) {
        expect(await lawOnly.isWorkday(d), d).to.equal(!isWeekend(d));
      }
    });
  }

  it('gives 2027 its festivals: 元旦, 除夕 and 春节, 清明, 端午, 中秋 and 国庆 are days off', async () => {
    for (const d of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01']) {
      expect(await lawOnly.isWorkday(d), d).to.equal(false);
    }
    const eve = await lawOnly.day('2027-02-05');
    expect(eve).to.include({ source: 'statutory', name: '春节', workday: false });
    expect(await lawOnly.isWorkday('2027-01-04')).to.equal(true);
    expect(await lawOnly.isWorkday('2027-02-04')).to.equal(true);
  });

  it('owes a 补假 on the next weekday for a festival day lost to a weekend (春节 2027: 初一、初二 fall on Saturday and Sunday)', async () => {
    expect(await lawOnly.day('2027-02-09')).to.include({ workday: false, source: 'statutory', name: '春节补假' });
    expect(await lawOnly.day('2027-02-10')).to.include({ workday: false, name: '春节补假' });
    expect(await lawOnly.isWorkday('2027-02-11')).to.equal(true);
    expect(await lawOnly.nextWorkday('2027-02-04')).to.equal('2027-02-11');
  });

  it('keeps weekends as weekends and works out 除夕 from the lunar calendar in a year with a 29-day 腊月', async () => {
    expect(await lawOnly.isWorkday('2027-01-02')).to.equal(false);
    expect((await lawOnly.day('2030-02-02')).name).to.equal('春节');
    expect(await lawOnly.isWorkday('2030-02-01')).to.equal(true);
  });

  it('uses the package for the years it covers and the law after them', async () => {
    const calendar = new WorkCalendar(db);
    expect(await calendar.day('2026-10-10')).to.include({ workday: true, source: 'package' });
    expect(await calendar.day('2027-10-01')).to.include({ workday: false, source: 'statutory' });
  });
});

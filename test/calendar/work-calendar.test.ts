import { expect } from 'chai';
import { WorkCalendar } from '../../bot/calendar';
import type { Database } from '../../bot/db/database';
import { openTestDatabase } from '../support/db';

describe('work calendar', () => {
  let db: Database;
  let calendar: WorkCalendar;
  beforeEach(async () => {
    db = await openTestDatabase();
    calendar = new WorkCalendar(db);
  });
  afterEach(() => db.close());

  it('knows National Day 2026 and its 调休 make-up Saturday', async () => {
    expect(await calendar.isWorkday('2026-10-01')).to.equal(false);
    expect(await calendar.isWorkday('2026-10-03')).to.equal(false);
    expect(await calendar.isWorkday('2026-10-10')).to.equal(true);
    expect(await calendar.isWorkday('2026-11-23')).to.equal(true);
    expect(await calendar.isWorkday('2026-11-28')).to.equal(false);
  });

  it('finds the next workday: Friday → Monday, before a holiday → after it, into a make-up Saturday', async () => {
    expect(await calendar.nextWorkday('2026-11-27')).to.equal('2026-11-30');
    expect(await calendar.nextWorkday('2026-09-30')).to.equal('2026-10-08');
    expect(await calendar.nextWorkday('2026-10-09')).to.equal('2026-10-10');
  });

  it('lets an administrator override any date, above the law and the package', async () => {
    expect(await calendar.isWorkday('2027-01-01')).to.equal(false);
    await calendar.set('2027-01-01', 'workday', new Date());
    expect(await calendar.day('2027-01-01')).to.include({ workday: true, source: 'override' });
    expect(await calendar.nextWorkday('2026-12-31')).to.equal('2027-01-01');
    await calendar.set('2027-01-01', 'holiday', new Date());
    await calendar.set('2027-01-02', 'workday', new Date());
    expect(await calendar.nextWorkday('2026-12-31')).to.equal('2027-01-02');
    await calendar.set('2026-10-10', 'holiday', new Date());
    expect(await calendar.isWorkday('2026-10-10')).to.equal(false);
    expect(await calendar.unset('2027-01-01')).to.equal(true);
    expect(await calendar.day('2027-01-01')).to.include({ workday: false, source: 'statutory' });
  });
});

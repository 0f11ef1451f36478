import { expect } from 'chai';
import type { Database } from '../../bot/db/database';
import { Directory } from '../../bot/directory/directory';
import { seedCity } from '../../bot/demo/seed';
import { openTestDatabase } from '../support/db';

describe('seed (benchmarks only)', () => {
  let db: Database;
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.close());

  it('fills a city: people over windows with one lead each, a leadership group, reports and rosters', async () => {
    const result = await seedCity(db, { staff: 1205, windows: 40, reportsOn: '2026-11-23', reportedShare: 0.9, rostersFor: '2026-11-24', now: new Date('2026-11-22T00:00:00Z') });
    expect(result.staff).to.equal(1205);
    expect(result.reports).to.be.within(1000, 1205);
    expect(result.rosters).to.equal(36);
    const people = await new Directory(db, 0).active();
    expect(people.filter((p) => p.role === 'leader')).to.have.length(5);
    expect(new Set(people.filter((p) => p.role === 'lead').map((p) => p.window)).size).to.equal(40);
    expect(people.every((p) => p.wecomUserId && p.dingtalkUserId)).to.equal(true);
    const [entries] = await db.all<{ n: unknown }>('SELECT count(*) AS n FROM roster_entry');
    expect(Number(entries.n)).to.equal(36 * 12);
  });
});

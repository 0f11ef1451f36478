import { expect } from 'chai';
import { loadConfig } from '../../bot/config';
import type { Database } from '../../bot/db/database';
import { DemoRefused, seedDemo } from '../../bot/demo/demo';
import { Directory } from '../../bot/directory/directory';
import { silentLogger } from '../../bot/log';
import { runCli } from '../support/cli';
import { openTestDatabase, seedStaff, testDatabaseUrl } from '../support/db';
import { PEOPLE } from '../support/hall';

const MONDAY_MORNING = new Date('2026-11-23T10:30:00+08:00');

describe('demo hall (npm run cli -- demo)', function () {
  this.timeout(60_000);
  let db: Database;
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.close());

  const count = async (sqlText: string, params: unknown[] = []) => Number((await db.all<{ n: unknown }>(sqlText, params))[0].n);
  const seed = (now = MONDAY_MORNING) => seedDemo({ db, config: loadConfig({}), log: silentLogger, now });

  it('makes three windows with a lead each, logistics staff, door guards, a leadership group and the working groups', async () => {
    const result = await seed();
    const people = await new Directory(db, 0).active();
    expect(result.people).to.equal(people.length);
    for (const window of ['1号窗口', '2号窗口', '3号窗口']) {
      expect(people.filter((p) => p.window === window && p.role === 'lead'), window).to.have.length(1);
      expect(people.filter((p) => p.window === window && p.role === 'staff').length, window).to.be.at.least(2);
    }
    expect(people.filter((p) => p.role === 'leader').length).to.be.at.least(2);
    expect(people.some((p) => p.window === '后勤保障')).to.equal(true);
    expect(people.filter((p) => p.role === 'guard').length).to.be.at.least(2);
    expect(await count('SELECT count(DISTINCT group_name) AS n FROM group_member')).to.equal(3);
  });

  it('holds a week of reports on workdays only, and today\'s 晨检 from most but not all', async () => {
    await seed();
    const days = (await db.all<{ date: string }>('SELECT DISTINCT date FROM report ORDER BY date')).map((r) => r.date);
    expect(days).to.deep.equal(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23']);
    const morning = await count("SELECT count(*) AS n FROM report WHERE date = '2026-11-23' AND slot = 'morning' AND superseded_at IS NULL");
    const expected = await count("SELECT count(*) AS n FROM staff WHERE window_name <> '' AND active = ?", [true]);
    expect(morning).to.be.above(expected / 2).and.below(expected);
    expect(await count("SELECT count(*) AS n FROM report WHERE date = '2026-11-23' AND slot <> 'morning'")).to.equal(0);
  });

  it("leaves today's alerts open — a reading this morning, a visitor at the door, a fever within the hour — and shows earlier ones handled with a note", async () => {
    await seed();
    const open = await db.all<{ severity: string; subject_kind: string; opened_at: string }>("SELECT severity, subject_kind, opened_at FROM alert WHERE status = 'open' ORDER BY severity, subject_kind");
    expect(open.map((a) => `${a.severity} ${a.subject_kind}`)).to.deep.equal(['critical staff', 'warning staff', 'warning visitor']);
    expect(open.every((a) => a.opened_at >= '2026-11-22T16:00:00.000Z')).to.equal(true);
    const handled = await db.all<{ severity: string; note: string; by: string }>(
      "SELECT a.severity, a.ack_note AS note, s.role AS by FROM alert a JOIN staff s ON s.id = a.acknowledged_by_id WHERE a.status = 'acknowledged'",
    );
    expect(handled.some((a) => a.severity === 'critical' && a.note.includes('发热门诊'))).to.equal(true);
    expect(handled.every((a) => a.by === 'leader')).to.equal(true);
  });

  it("has the next workday's rosters from two of the three windows, and a late and a closed roster in the week", async () => {
    await seed();
    const next = await db.all<{ window: string }>("SELECT window_name AS \"window\" FROM roster WHERE date = '2026-11-24' AND superseded_at IS NULL ORDER BY window_name");
    expect(next.map((r) => r.window)).to.deep.equal(['1号窗口', '2号窗口']);
    expect(await count('SELECT count(*) AS n FROM roster WHERE late = ?', [true])).to.equal(1);
    expect(await count('SELECT count(*) AS n FROM roster WHERE closed = ?', [true])).to.equal(1);
  });

  it('queues nothing for delivery: what the history sent went out when it happened', async () => {
    await seed();
    expect(await count('SELECT count(*) AS n FROM outbox')).to.be.above(0);
    expect(await count("SELECT count(*) AS n FROM outbox WHERE status <> 'sent' OR sent_at <> created_at")).to.equal(0);
    expect(await count('SELECT count(*) AS n FROM outbox WHERE created_at >= ?', [MONDAY_MORNING.toISOString()])).to.equal(0);
  });

  it("on a Sunday evening ends the week's routine on Friday, handled, and tells today's stories on Sunday", async () => {
    await seed(new Date('2026-11-22T21:40:00+08:00'));
    const [last] = await db.all<{ date: string }>("SELECT max(date) AS date FROM report WHERE date < '2026-11-22'");
    expect(last.date).to.equal('2026-11-20');
    expect(await count("SELECT count(*) AS n FROM alert a JOIN report r ON r.id = a.report_id WHERE a.status = 'open' AND r.date = '2026-11-20'")).to.equal(0);
    expect(await count("SELECT count(*) AS n FROM alert WHERE status = 'open' AND opened_at >= '2026-11-21T16:00:00.000Z'")).to.equal(2);
    expect(await count("SELECT count(*) AS n FROM roster WHERE date = '2026-11-23'")).to.equal(2);
  });

  it('loads once: a second run says so and adds nothing', async () => {
    const first = await seed();
    const reports = await count('SELECT count(*) AS n FROM report');
    const again = await seed();
    expect(again.alreadyLoaded).to.equal(true);
    expect(first.alreadyLoaded).to.equal(false);
    expect(await count('SELECT count(*) AS n FROM report')).to.equal(reports);
  });

  it('refuses a database holding a real directory and leaves it untouched', async () => {
    await seedStaff(db, PEOPLE);
    let refused: unknown;
    await seed().catch((err) => (refused = err));
    expect(refused).to.be.instanceOf(DemoRefused);
    expect(await count('SELECT count(*) AS n FROM staff')).to.equal(PEOPLE.length);
    expect(await count('SELECT count(*) AS n FROM report')).to.equal(0);
  });

  it('runs from the command line, and refuses a real directory with exit code 1', async () => {
    const url = testDatabaseUrl(true);
    const env = { DATABASE_URL: url, LOG_LEVEL: 'error' };
    const first = await runCli(['demo', '--at', '2026-11-23T10:30:00+08:00'], env);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.match(/已载入演示大厅：19 人/).and.contain('http://127.0.0.1:3000/');
    const again = await runCli(['demo'], env);
    expect(again.stdout).to.contain('已载入');
    const other = testDatabaseUrl(true);
    const real = await openTestDatabase(undefined, other);
    await seedStaff(real, PEOPLE);
    await real.close();
    const refused = await runCli(['demo'], { DATABASE_URL: other, LOG_LEVEL: 'error' });
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.contain('正式人员名单');
  });
});

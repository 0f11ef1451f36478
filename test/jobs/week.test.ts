import FakeTimers from '@sinonjs/fake-timers';
import { expect } from 'chai';
import { renderTrendChart } from '../../bot/brief/chart';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/log';
import { deliveriesSince, type LocalDelivery } from '../../bot/adapters/local/deliveries';
import { createService, type Service } from '../../bot/service';
import { systemClock } from '../../bot/time';
import { openDatabase } from '../../bot/db/open';
import { seedStaff } from '../support/db';

/**
 * The service left running for a week on an injected clock (fake timers drive
 * node-cron, the outbox and Date): the National Day holidays of 2026-10-05 to
 * 10-07, the workdays 10-08 and 10-09, the 调休 Saturday 10-10, Sunday 10-11.
 */
describe('a simulated week of scheduled jobs', function () {
  this.timeout(120_000);
  let clock: ReturnType<typeof FakeTimers.install>;
  let service: Service;
  /** What the simulator's channels delivered during the week. */
  let deliveries: LocalDelivery[];

  before(async () => {
    // The chart's renderer loads its modules on first use (a dynamic import needs real turns of the event loop, which
    // fake time does not give): draw one chart first, so that the brief's later ones await nothing real.
    await renderTrendChart({ title: '', dates: [], series: [] });
    clock = FakeTimers.install({ now: new Date('2026-10-04T23:50:00+08:00'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    // SQLite whatever TEST_DATABASE_URL says: fake timers race ahead of PostgreSQL's real socket I/O,
    // and this is a test of the scheduler and the calendar, not of the database.
    const db = await openDatabase('sqlite::memory:', new Date('2026-10-01T00:00:00+08:00'));
    await seedStaff(db, [
      { name: '张三', window: '1号窗口' },
      { name: '李四', window: '1号窗口', role: 'lead' },
      { name: '王五', window: '领导小组', role: 'leader' },
    ]);
    service = await createService({ config: loadConfig({ LOG_LEVEL: 'silent' }), log: silentLogger, clock: systemClock, db });
    await service.listen(0, '127.0.0.1');

    const say = (userId: number, text: string) =>
      service.dispatch({ platform: 'local', userId: String(userId), isGroup: false, kind: 'text', text, messageId: `${Date.now()}-${userId}`, receivedAt: new Date() });
    const until = async (iso: string) => clock.tickAsync(new Date(iso).getTime() - Date.now());
    // 张三 reports before the nudge on the Thursday and the Saturday; 李四 has a high fever on Thursday at 08:00.
    await until('2026-10-08T07:10:00+08:00');
    await say(1, '36.5');
    await until('2026-10-08T08:00:00+08:00');
    await say(2, '38.3');
    await until('2026-10-10T07:00:00+08:00');
    await say(1, '36.6');
    await until('2026-10-11T23:59:00+08:00');
    await service.outboxDispatcher.drain();
    deliveries = await deliveriesSince(service.db, 0);
  });

  after(async () => {
    await service.close();
    clock.uninstall();
  });

  const delivered = (filter: (body: string) => boolean) =>
    deliveries.filter((d) => filter(d.body)).map((d) => `${new Date(d.at).toISOString().slice(0, 16)} ${d.to}`);

  it('nudges on workdays only, once each, only those without a 晨检', () => {
    expect(delivered((b) => b.startsWith('【晨检提醒】'))).to.deep.equal([
      '2026-10-07T23:30 2',
      '2026-10-07T23:30 3',
      '2026-10-08T23:30 1',
      '2026-10-08T23:30 2',
      '2026-10-08T23:30 3',
      '2026-10-09T23:30 2',
      '2026-10-09T23:30 3',
    ]);
  });

  it('sends the morning summary once on each workday', () => {
    expect(delivered((b) => b.startsWith('【晨检汇总】'))).to.deep.equal(['2026-10-08T00:45 leaders', '2026-10-09T00:45 leaders', '2026-10-10T00:45 leaders']);
  });

  it('pushes the critical alert once, re-pushes it three times 30 minutes apart, then stops', () => {
    expect(delivered((b) => b.startsWith('【防疫告警 #1'))).to.deep.equal(['2026-10-08T00:00 leaders']);
    expect(delivered((b) => b.startsWith('【告警未处置'))).to.deep.equal(['2026-10-08T00:30 leaders', '2026-10-08T01:00 leaders', '2026-10-08T01:30 leaders']);
  });

  it('sends the daily brief and its chart at 17:30 on each workday', () => {
    expect(delivered((b) => b.startsWith('【每日研判简报】'))).to.deep.equal(['2026-10-08T09:30 leaders', '2026-10-09T09:30 leaders', '2026-10-10T09:30 leaders']);
    // The chart comes as an image message: its caption, and the picture the simulator shows inline.
    expect(deliveries.filter((d) => d.body.startsWith('近 14 天防疫数据走势') && d.imageId !== undefined)).to.have.length(3);
  });

  it('keeps one ledger row per job and minute, run on workdays, recorded as not-workday otherwise', async () => {
    const rows = await service.db.all<{ job: string; outcome: string; n: unknown }>(
      `SELECT job, outcome, count(*) AS n FROM job_firing WHERE scheduled_for >= '2026-10-05' GROUP BY job, outcome ORDER BY job, outcome`,
    );
    expect(rows.map((r) => `${r.job} ${r.outcome} ${Number(r.n)}`)).to.deep.equal([
      'alert-escalation done 864',
      'alert-escalation not-workday 1152',
      // Every night, holidays included: without BACKUP_DIR it records that it made no backup.
      'backup done 7',
      'calendar-warning done 7',
      'contact-readings done 14',
      'daily-brief done 3',
      'daily-brief not-workday 4',
      'disinfection-check done 9',
      'disinfection-check not-workday 12',
      'disinfection-reminder done 9',
      'disinfection-reminder not-workday 12',
      'incident-deadlines done 2016',
      'morning-nudge done 3',
      'morning-nudge not-workday 4',
      'morning-summary done 3',
      'morning-summary not-workday 4',
      'privacy-purge done 7',
      'roster-deadline done 3',
      'roster-deadline not-workday 4',
      'roster-reminder done 3',
      'roster-reminder not-workday 4',
    ]);
    const [dupes] = await service.db.all<{ n: unknown }>('SELECT count(*) AS n FROM (SELECT job, scheduled_for FROM job_firing GROUP BY job, scheduled_for HAVING count(*) > 1) d');
    expect(Number(dupes.n)).to.equal(0);
  });
});

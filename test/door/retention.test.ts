import { expect } from 'chai';
import { auditLog } from '../../bot/privacy/audit';
import { privacyPurge } from '../../jobs/privacy-purge';
import { doorHall } from '../support/door';
import { Hall } from '../support/hall';

/** Fires privacy-purge at 02:30 local on a date, as the scheduler would. */
async function purgeOn(hall: Hall, date: string) {
  const at = new Date(`${date}T02:30:00+08:00`);
  hall.clock.set(at.toISOString());
  return hall.service.jobs.runner.fire(privacyPurge, at, { trigger: 'scheduler' });
}

describe('retention: privacy-purge deletes personal data on time', () => {
  let hall: Hall;
  afterEach(() => hall.close());

  it('keeps a visitor on day 27, deletes it on day 29, keeps the audit log, every day and once a day', async () => {
    hall = await doorHall({ now: '2026-11-02T09:00:00+08:00' });
    await hall.send('qianmw', '登记 陈一 13812341111 36.5');
    await hall.service.db.run("INSERT INTO audit_entry (at, actor, action, detail) VALUES ('2026-11-02T02:00:00.000Z', 'cli（ops）', 'export-visitors', '2026-11-02 至 2026-11-02 → v.csv')");
    expect(await hall.count('visitor')).to.equal(1);

    expect((await purgeOn(hall, '2026-11-29')).outcome).to.equal('done'); // day 27, a Sunday: the job runs on holidays too
    expect(await hall.count('visitor')).to.equal(1);
    await purgeOn(hall, '2026-11-30'); // day 28
    expect(await hall.count('visitor')).to.equal(1);
    const day29 = await purgeOn(hall, '2026-12-01');
    expect(day29.detail).to.contain('访客登记 1 条');
    expect(await hall.count('visitor')).to.equal(0);
    expect(await auditLog(hall.service.db)).to.have.length(1);
    expect((await purgeOn(hall, '2026-12-01')).outcome).to.not.equal('done');
    expect(await hall.count('job_firing', 'job = ?', ['privacy-purge'])).to.equal(3);
  });

  it('keeps staff readings when REPORT_RETENTION_DAYS is unset, deletes the older ones when it is set', async () => {
    hall = await doorHall({ now: '2026-11-02T08:00:00+08:00' });
    await hall.send('zhangsan', '晨检 36.5');
    hall.clock.set('2026-11-20T08:00:00+08:00');
    await hall.send('zhangsan', '晨检 36.6');
    await purgeOn(hall, '2026-12-10');
    expect(await hall.count('report')).to.equal(2);
    await hall.close();

    hall = await doorHall({ now: '2026-11-02T08:00:00+08:00', env: { REPORT_RETENTION_DAYS: '30', VISITOR_RETENTION_DAYS: '7' } });
    await hall.send('zhangsan', '晨检 36.5');
    await hall.send('zhangsan', '晨检 37.4');
    await hall.send('qianmw', '登记 陈一 13812341111 36.5');
    hall.clock.set('2026-11-20T08:00:00+08:00');
    await hall.send('zhangsan', '晨检 36.6');
    const purged = await purgeOn(hall, '2026-12-10');
    expect(purged.detail).to.contain('体温记录 2 条').and.contain('访客登记 1 条');
    const [left] = await hall.service.db.all<{ date: string }>('SELECT date FROM report');
    expect(left.date).to.equal('2026-11-20');
    // The alert of the purged 37.4 stays (its number, who handled it) without the reading and its link to it.
    const alerts = await hall.service.db.all<{ reportId: unknown; reasons: string }>('SELECT report_id AS "reportId", reasons FROM alert');
    expect(alerts).to.have.length(1);
    expect(alerts[0].reportId).to.equal(null);
    expect(alerts[0].reasons).to.equal('（已按保留期限删除）');
  });

  it('purges a table in batches of short transactions, once when two instances fire it at the same minute, and counts every row', async () => {
    hall = await doorHall({ now: '2026-11-02T09:00:00+08:00' });
    // 1,234 old messages: more than two batches.
    const values = Array.from({ length: 1234 }, (_, i) => `('wecom', 'old-${i}', 'zhangsan', 1, '体温 36.5', '2026-11-02T01:00:00.000Z')`);
    await hall.service.db.run(`INSERT INTO inbound_message (platform, message_id, sender_id, staff_id, text, received_at) VALUES ${values.join(', ')}`);
    await hall.send('zhangsan', '36.5');
    const second = await Hall.open({ now: '2026-12-01T02:30:00+08:00', shareDatabaseWith: hall });
    try {
      const at = new Date('2026-12-01T02:30:00+08:00');
      hall.clock.set(at.toISOString());
      const results = await Promise.all([hall, second].map((h) => h.service.jobs.runner.fire(privacyPurge, at, { trigger: 'scheduler' })));
      expect(results.map((r) => r.outcome).sort()).to.deep.equal(['already-fired', 'done']);
      expect(results.find((r) => r.outcome === 'done')!.detail).to.contain('收到的消息及回复 1235 条');
      expect(await hall.count('inbound_message')).to.equal(0);
      const [firing] = await hall.service.db.all<{ detail: string }>("SELECT detail FROM job_firing WHERE job = 'privacy-purge'");
      expect(firing.detail).to.contain('访客登记 0 条').and.contain('收到的消息及回复 1235 条').and.contain('发出的消息');
    } finally {
      await second.close();
    }
  });

  it('keeps the batches a failed purge committed, records the failure, and a forced run finishes it', async () => {
    hall = await doorHall({ now: '2026-11-02T09:00:00+08:00' });
    await hall.send('qianmw', '登记 陈一 13812341111 37.6');
    await hall.service.db.run('ALTER TABLE outbox RENAME TO outbox_away');
    const failed = await purgeOn(hall, '2026-12-01');
    await hall.service.db.run('ALTER TABLE outbox_away RENAME TO outbox');
    expect(failed.outcome).to.equal('failed');
    expect(failed.detail).to.contain('已完成的部分保留');
    expect(await hall.count('visitor')).to.equal(0);
    expect(await hall.count('inbound_message')).to.equal(0);
    expect(await hall.count('outbox')).to.be.greaterThan(0);
    const at = new Date('2026-12-01T02:30:00+08:00');
    const forced = await hall.service.jobs.runner.fire(privacyPurge, at, { trigger: 'cli', force: true });
    expect(forced.outcome).to.equal('done');
    expect(await hall.count('outbox')).to.equal(0);
  });
});

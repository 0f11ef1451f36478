import { expect } from 'chai';
import { dingtalkBody } from '../support/dingtalk-client';
import { postgresTestUrl } from '../support/db';
import { Hall, PEOPLE } from '../support/hall';
import { immediateRetry, PgFault, type Held } from '../support/pg-fault';
import { OutboxHarness } from '../outbox/harness';
import { openTestDatabase } from '../support/db';
import type { Job } from '../../jobs/job';
import { postToWecom, TEST_WECOM } from '../support/wecom-client';
import { captureLog } from '../support/capture-log';
import type { Logger } from '../../bot/log';

/** Staff enough that every report of the load is its own person's (one current report per person and slot). */
const STAFF = Array.from({ length: 60 }, (_, i) => ({ name: `员工${i}号`.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]), window: '1号窗口', role: 'staff', wecomUserId: `s${i}`, dingtalkUserId: `s${i}` }));

/**
 * Issue 24: the service's PostgreSQL sessions terminated (57P01) under load
 * or mid-transaction lose nothing — a message is stored and answered, or not
 * claimed and re-delivered; the outbox and a job firing neither drop nor repeat.
 * PostgreSQL only: SQLite has no sessions to terminate.
 */
describe('a PostgreSQL blip loses nothing (issue 24)', function () {
  this.timeout(20_000);
  let url: string;
  let schema: string;
  let fault: PgFault | undefined;
  const halls: Hall[] = [];

  before(function () {
    const pg = postgresTestUrl();
    if (!pg) this.skip();
    url = pg;
    schema = new URL(pg).searchParams.get('schema')!;
  });
  afterEach(async () => {
    // The fault first: a lock a failed test still holds would keep the halls from closing.
    await fault?.close();
    fault = undefined;
    for (const hall of halls.splice(0)) await hall.close();
  });

  const open = async (platform: 'wecom' | 'dingtalk-stream', label: string, log?: Logger) => {
    fault = await PgFault.open(url, label);
    const hall = await Hall.open({ platform, env: { DATABASE_URL: fault.url }, people: [...PEOPLE, ...STAFF], log });
    halls.push(hall);
    return hall;
  };

  it('stores every WeCom report answered 200, and every other one once after WeCom re-delivers it, with sessions terminated under load', async () => {
    const hall = await open('wecom', 'wecom');
    // Two attempts, no pause: some messages outlast their retries and must come back by re-delivery.
    immediateRetry(hall.service.db, 2);
    const reports = STAFF.map((s, i) => ({ from: s.wecomUserId, content: `晨检 36.${i % 8}`, msgId: String(8_100_000_000_000_000_000n + BigInt(i)) }));
    const answers = new Map<string, { status: number; reply: string | null }>();
    let next = 0;
    let terminated = 0;
    const worker = async () => {
      while (next < reports.length) {
        const report = reports[next++];
        answers.set(report.msgId, await postToWecom(hall.url, TEST_WECOM, report));
        // Every third answer, the service's sessions are cut while the others are in flight.
        if (answers.size % 3 === 0) terminated += await fault!.terminate();
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    expect(terminated, 'sessions terminated').to.be.greaterThan(0);

    const refused = reports.filter((r) => answers.get(r.msgId)!.status !== 200);
    for (const r of refused) expect(answers.get(r.msgId)!.status, 'a message not stored is refused 503, for WeCom to re-deliver').to.equal(503);
    for (const r of reports.filter((r) => answers.get(r.msgId)!.status === 200)) {
      expect(answers.get(r.msgId)!.reply).to.contain('℃').and.not.contain('系统繁忙');
    }
    // WeCom re-delivers what was not answered 200 (PROTOCOLS.md "Answer").
    for (const r of refused) {
      const again = await postToWecom(hall.url, TEST_WECOM, r);
      expect(again.status).to.equal(200);
      expect(again.reply).to.contain('℃');
    }
    for (const r of reports) expect(await hall.count('report', 'message_id = ?', [r.msgId]), `report ${r.msgId}`).to.equal(1);
    expect(await hall.count('inbound_message', "platform = 'wecom'")).to.equal(reports.length);
  });

  it('leaves a DingTalk Stream frame unacknowledged when its transaction cannot commit, and stores it once when re-delivered', async () => {
    const logs = captureLog();
    const hall = await open('dingtalk-stream', 'stream', logs.log);
    // One attempt while the fault lasts, so that it outlasts the retries; several once it is over.
    immediateRetry(hall.service.db, 1);
    const body = dingtalkBody({ from: 's1', content: '晨检 36.5', msgId: 'msg-blip-1', sessionWebhook: hall.dingtalk.sessionWebhook('abc') }, hall.clock.now().getTime());
    const held = await fault!.lock('inbound_message', schema);
    const failed = logs.logged('long connection: frame not handled; left unacknowledged for re-delivery');
    void hall.stream.deliver(body).catch(() => undefined);
    // The frame's transaction waits on the lock and is ended there.
    expect(await held.terminateBlocked()).to.be.greaterThan(0);
    await failed;
    await held.release();
    immediateRetry(hall.service.db, 5);
    expect(hall.stream.unacknowledged).to.equal(1);
    expect(await hall.count('report')).to.equal(0);
    expect(await hall.count('inbound_message')).to.equal(0);

    const [ack] = await hall.stream.redeliver();
    expect(ack.code).to.equal(200);
    expect(hall.stream.unacknowledged).to.equal(0);
    expect(await hall.count('report', 'message_id = ?', ['msg-blip-1'])).to.equal(1);
    await hall.deliver();
    expect(hall.dingtalk.sessionTexts(0).join('\n')).to.contain('36.5').and.not.contain('系统繁忙');
  });

  it('records a delivery the database missed before anything else, and never sends it twice', async () => {
    fault = await PgFault.open(url, 'outbox');
    const db = await openTestDatabase(undefined, fault.url);
    immediateRetry(db, 1);
    const h = await OutboxHarness.open({ db });
    try {
      await h.enqueue('robot', 'leaders', '告警 #1');
      let held: Held | undefined;
      // The platform takes the message; meanwhile the outbox table is locked, so recording it waits and is cut off.
      h.robot.then(async () => {
        held = await fault!.lock('outbox', schema);
      });
      const dispatcher = h.dispatcher();
      const pass = dispatcher.runOnce().then(
        () => null,
        (err: Error) => err,
      );
      await until(() => held !== undefined);
      expect(await held!.terminateBlocked()).to.be.greaterThan(0);
      await held!.release();
      expect((await pass)?.name).to.equal('DatabaseUnavailable');
      immediateRetry(db, 5);

      // Long after the lease, the next pass records it before it could take it back.
      h.clock.advance(5 * 60_000);
      await h.runFor(3, dispatcher);
      expect(h.robot.bodies()).to.deep.equal(['告警 #1']);
      expect((await h.rows()).map((r) => [r.status, r.attempts])).to.deep.equal([['sent', 0]]);
    } finally {
      await db.close();
    }
  });

  it('keeps no ledger row of a job firing the database cut off, and fires it once when tried again', async () => {
    const hall = await open('wecom', 'job');
    immediateRetry(hall.service.db, 1);
    const job: Job = {
      name: 'calendar-warning',
      cron: () => '0 9 * * *',
      grace: 'latest',
      everyDay: true,
      run: async ({ sql, services }) => {
        await services.notifier.toLeaders(sql, '【测试】一次推送', 'notice');
        return '已推送';
      },
    };
    const at = hall.clock.now();
    const held = await fault!.lock('outbox', schema);
    const firing = hall.service.jobs.runner.fire(job, at, { trigger: 'cli' });
    expect(await held.terminateBlocked()).to.be.greaterThan(0);
    await held.release();
    expect((await firing).outcome).to.equal('failed');
    immediateRetry(hall.service.db, 5);
    expect(await hall.count('job_firing')).to.equal(0);
    expect(await hall.count('outbox')).to.equal(0);

    expect((await hall.service.jobs.runner.fire(job, at, { trigger: 'cli' })).outcome).to.equal('done');
    expect((await hall.service.jobs.runner.fire(job, at, { trigger: 'cli' })).outcome).to.equal('already-fired');
    await hall.deliver();
    expect(hall.fake.groupTexts().filter((t) => t.includes('【测试】一次推送'))).to.have.length(1);
    expect(await hall.count('job_firing', "outcome = 'done'")).to.equal(1);
  });
});

/** Waits, in turns of the event loop rather than time, for a condition. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100_000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition never met');
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Database } from '../../bot/db/database';
import { openDatabase } from '../../bot/db/open';
import { silentLogger } from '../../bot/log';
import { OutboxDispatcher } from '../../bot/outbox/dispatcher';
import { Outbox } from '../../bot/outbox/outbox';
import { outboxStatus } from '../../bot/outbox/status';
import { ManualClock } from '../../bot/time';
import { openTestDatabase } from '../support/db';
import { FakeChannel, permanent, retryable } from '../support/fake-channel';

describe('outbox dispatcher', () => {
  let db: Database;
  let clock: ManualClock;
  let group: FakeChannel;
  let user: FakeChannel;
  const make = (database = db) => {
    const channels = [group, user];
    return { outbox: new Outbox({ channels, clock }), dispatcher: new OutboxDispatcher({ db: database, channels, clock, log: silentLogger }) };
  };

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T00:00:00Z');
    db = await openTestDatabase();
    group = new FakeChannel(clock, 'robot', 20, true);
    user = new FakeChannel(clock, 'user', 30, false, 20);
  });
  afterEach(() => db.close());

  const enqueue = (outbox: Outbox, channel: string, target: string, body: string, category: 'alert' | 'nudge' = 'alert') =>
    db.tx((sql) => outbox.enqueue(sql, { channel, target }, body, category));

  it('retries a retryable failure after its backoff and delivers exactly once', async () => {
    const { outbox, dispatcher } = make();
    group.then(retryable('errcode 45009'), retryable('HTTP 500'));
    await enqueue(outbox, 'robot', 'leaders', '告警 #1');
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 0, retried: 1, failed: 0 });
    clock.advance(4_000);
    expect((await dispatcher.runOnce()).retried).to.equal(0);
    clock.advance(1_000);
    expect((await dispatcher.runOnce()).retried).to.equal(1);
    clock.advance(10_000);
    expect((await dispatcher.runOnce()).sent).to.equal(1);
    clock.advance(60_000);
    await dispatcher.runOnce();
    expect(group.calls.map((c) => c.body)).to.deep.equal(['告警 #1']);
  });

  it('marks a non-retryable failure failed at once and shows its error to the operator', async () => {
    const { outbox, dispatcher } = make();
    user.then(permanent('errcode 81013 all recipients invalid'));
    await enqueue(outbox, 'user', 'u1', '请晨检', 'nudge');
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 1 });
    const status = await outboxStatus(db);
    expect(status.counts).to.deep.equal({ failed: 1 });
    expect(status.failures[0]).to.include({ channel: 'user', target: 'u1', category: 'nudge' });
    expect(status.failures[0].lastError).to.contain('81013');
  });

  it('gives up after the maximum attempts and keeps the message as failed', async () => {
    const { outbox } = make();
    const dispatcher = new OutboxDispatcher({ db, channels: [group, user], clock, log: silentLogger, maxAttempts: 3 });
    group.then(retryable(), retryable(), retryable());
    await enqueue(outbox, 'robot', 'leaders', '告警 #2');
    for (let i = 0; i < 3; i++) {
      await dispatcher.runOnce();
      clock.advance(60_000);
    }
    expect((await outboxStatus(db)).counts).to.deep.equal({ failed: 1 });
    expect(group.calls).to.have.length(0);
  });

  it('delivers a message left pending by a stopped process once, after a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hg-outbox-')), 'hall.sqlite');
    const first = await openDatabase(`sqlite:${file}`);
    await first.tx((sql) => make(first).outbox.enqueue(sql, { channel: 'robot', target: 'leaders' }, '告警 #3', 'alert'));
    await first.close();
    const second = await openDatabase(`sqlite:${file}`);
    const { dispatcher } = make(second);
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    await second.close();
    expect(group.calls.map((c) => c.body)).to.deep.equal(['告警 #3']);
  });

  it('takes over a row a crashed sender left "sending" once its lease expires', async () => {
    const { outbox, dispatcher } = make();
    await enqueue(outbox, 'robot', 'leaders', '告警 #4');
    await db.run(`UPDATE outbox SET status = 'sending', lease_until = ?`, ['2026-11-23T00:01:00.000Z']);
    await dispatcher.runOnce();
    expect(group.calls).to.have.length(0);
    clock.advance(61_000);
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    expect(group.calls.map((c) => c.body)).to.deep.equal(['告警 #4']);
  });

  it('sends each message once when two dispatchers run at the same time', async () => {
    const { outbox } = make();
    for (let i = 1; i <= 10; i++) await enqueue(outbox, 'user', `u${i}`, `消息 ${i}`, 'nudge');
    const a = new OutboxDispatcher({ db, channels: [group, user], clock, log: silentLogger });
    const b = new OutboxDispatcher({ db, channels: [group, user], clock, log: silentLogger });
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    expect(user.calls.map((c) => c.body).sort()).to.deep.equal(Array.from({ length: 10 }, (_, i) => `消息 ${i + 1}`).sort());
  });

  it('keeps 30 alerts in a minute to one group robot within 20 calls a minute and loses none', async () => {
    const { outbox, dispatcher } = make();
    for (let i = 1; i <= 30; i++) {
      await enqueue(outbox, 'robot', 'leaders', `【防疫告警 #${i}】张${i} 体温 37.8℃`);
      await dispatcher.runOnce();
      clock.advance(2_000);
    }
    for (let i = 0; i < 120; i++) {
      await dispatcher.runOnce();
      clock.advance(1_000);
    }
    expect(group.maxCallsPerMinute()).to.be.at.most(20);
    const delivered = group.calls.map((c) => c.body).join('\n');
    for (let i = 1; i <= 30; i++) expect(delivered).to.contain(`【防疫告警 #${i}】`);
    expect((await outboxStatus(db)).counts.pending ?? 0).to.equal(0);
  });

  it('sends a nudge to 25 users as 2 calls when a call takes 20 users', async () => {
    const { outbox, dispatcher } = make();
    for (let i = 1; i <= 25; i++) await enqueue(outbox, 'user', `u${i}`, '请完成晨检', 'nudge');
    expect((await dispatcher.runOnce()).sent).to.equal(25);
    expect(user.calls.map((c) => c.targets.length)).to.deep.equal([20, 5]);
  });

  it('retries only the recipients the platform throttled, and loses none', async () => {
    const { outbox, dispatcher } = make();
    user.then({ retryTargets: ['u2', 'u3'] });
    for (let i = 1; i <= 4; i++) await enqueue(outbox, 'user', `u${i}`, '请完成晨检', 'nudge');
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 2, retried: 2, failed: 0 });
    clock.advance(5_000);
    expect((await dispatcher.runOnce()).sent).to.equal(2);
    expect(user.calls.flatMap((c) => c.targets)).to.deep.equal(['u1', 'u2', 'u3', 'u4', 'u2', 'u3']);
  });

  it('keeps nothing of a message whose transaction rolled back', async () => {
    const { outbox, dispatcher } = make();
    await db
      .tx(async (sql) => {
        await outbox.enqueue(sql, { channel: 'robot', target: 'leaders' }, '不会发送', 'alert');
        throw new Error('cause failed');
      })
      .catch(() => undefined);
    await dispatcher.runOnce();
    expect(group.calls).to.have.length(0);
    expect((await outboxStatus(db)).counts).to.deep.equal({});
  });

  it('splits a message over the size limit into numbered parts within it', async () => {
    const { outbox, dispatcher } = make();
    const lines = Array.from({ length: 100 }, (_, i) => `第${i + 1}行：窗口人员体温正常，未见异常。`);
    await enqueue(outbox, 'user', 'u1', lines.join('\n'), 'nudge');
    await dispatcher.runOnce();
    expect(user.calls.length).to.be.greaterThan(1);
    for (const call of user.calls) expect(Buffer.byteLength(call.body)).to.be.at.most(2048);
    expect(user.calls[0].body).to.match(/^\(1\/\d\) /);
    const text = user.calls.map((c) => c.body.replace(/^\(\d+\/\d+\) /, '')).join('\n');
    expect(text).to.equal(lines.join('\n'));
  });
});

import { setImmediate as turn } from 'node:timers/promises';
import { expect } from 'chai';
import type { Database } from '../../bot/db/database';
import { openDatabase } from '../../bot/db/open';
import { openTestDatabase, testDatabaseUrl } from '../support/db';
import { retryable, userChannel } from './fake-channel';
import { OutboxHarness } from './harness';

describe('outbox across restarts, crashes and several dispatchers', () => {
  const opened: Database[] = [];
  /** A database other connections can reach: a SQLite file of its own, or TEST_DATABASE_URL. */
  const shared = () => testDatabaseUrl(true);
  const open = async (at: string, fresh = false) => {
    const db = fresh ? await openTestDatabase(undefined, at) : await openDatabase(at);
    opened.push(db);
    return db;
  };
  /** A harness on an empty database of its own, closed after the test. */
  const harness = async () => OutboxHarness.open({ db: await open(testDatabaseUrl(), true) });
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });

  it('delivers a message queued before a restart exactly once, by a new dispatcher on a new connection', async () => {
    const at = shared();
    const before = await OutboxHarness.open({ db: await open(at, true) });
    await before.enqueue('robot', 'leaders', '告警 #1');
    await before.close();

    const after = await OutboxHarness.open({ db: await open(at) });
    await after.runFor(3, after.dispatcher());
    await after.runFor(3, after.dispatcher());
    expect(after.robot.bodies()).to.deep.equal(['告警 #1']);
    expect((await after.rows()).map((r) => r.status)).to.deep.equal(['sent']);
  });

  it('takes over a message a crashed sender left "sending" once its lease expires, and delivers it once', async () => {
    const h = await harness();
    await h.enqueue('robot', 'leaders', '告警 #2');
    await h.db.run(`UPDATE outbox SET status = 'sending', lease_until = ?, claimed_by = ?`, ['2026-11-23T00:01:00.000Z', 'crashed-process']);
    const dispatcher = h.dispatcher();
    h.clock.set('2026-11-23T00:00:59.999Z');
    await dispatcher.runOnce();
    expect(h.robot.attempts).to.have.length(0);
    h.clock.set('2026-11-23T00:01:00.001Z');
    await h.runFor(90, dispatcher);
    expect(h.robot.bodies()).to.deep.equal(['告警 #2']);
    const [row] = await h.rows();
    expect(row).to.include({ status: 'sent', attempts: 1 });
    expect(row.lastError).to.contain('stopped');
  });

  it('gives up on a message whose sender keeps stopping before confirming it, instead of looping', async () => {
    const h = await harness();
    await h.enqueue('robot', 'leaders', '告警 #9');
    await h.db.run(`UPDATE outbox SET status = 'sending', attempts = 2, lease_until = ?, claimed_by = ?`, ['2026-11-23T00:00:30.000Z', 'crashed-process']);
    h.clock.set('2026-11-23T00:01:00.000Z');
    expect(await h.dispatcher({ maxAttempts: 3 }).runOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 0 });
    const [row] = await h.rows();
    expect(row).to.include({ status: 'failed', attempts: 3 });
    expect(h.robot.attempts).to.have.length(0);
  });

  it('sends each message once when two dispatchers on two connections run passes at the same time', async () => {
    const at = shared();
    const a = await OutboxHarness.open({ db: await open(at, true), channels: (h) => [slow(userChannel(h.clock))] });
    const b = await OutboxHarness.open({ db: await open(at), channels: (h) => [slow(userChannel(h.clock))] });
    for (let i = 1; i <= 40; i++) await a.enqueue('user', `u${i}`, `消息 ${i}`, 'notice');
    // Small claims, so that the two take turns at the queue.
    const [first, second] = [a.dispatcher({ batchSize: 5 }), b.dispatcher({ batchSize: 5 })];
    // On PostgreSQL the loser of a race for the same rows claims nothing that round, so allow rounds to spare.
    for (let round = 0; round < 40; round++) await Promise.all([first.runOnce(), second.runOnce()]);

    const delivered = [...a.channels[0].bodies(), ...b.channels[0].bodies()];
    expect(delivered.sort()).to.deep.equal(Array.from({ length: 40 }, (_, i) => `消息 ${i + 1}`).sort());
    expect((await a.rows()).every((r) => r.status === 'sent')).to.equal(true);
  });

  it('renews its claim during a long pass, so another dispatcher takes over nothing it has yet to send', async () => {
    const h = await harness();
    const [first, second] = [h.dispatcher({ leaseMs: 60_000 }), h.dispatcher({ leaseMs: 60_000 })];
    let secondPass: unknown;
    // Every call takes 20 s; during the fourth, 80 s after the claim, the other dispatcher looks for work.
    const slowCall = () => h.clock.advance(20_000);
    h.user.then(slowCall, slowCall, slowCall, async () => {
      slowCall();
      secondPass = await second.runOnce();
    }, slowCall);
    for (let i = 1; i <= 5; i++) await h.enqueue('user', `u${i}`, `消息 ${i}`, 'notice');
    expect((await first.runOnce()).sent).to.equal(5);
    expect(secondPass).to.deep.equal({ sent: 0, retried: 0, failed: 0 });
    await h.runFor(120, second);
    expect(h.user.bodies()).to.deep.equal(['消息 1', '消息 2', '消息 3', '消息 4', '消息 5']);
  });

  it('skips what another dispatcher took over while its own call hung past the lease', async () => {
    const h = await harness();
    const [first, second] = [h.dispatcher({ leaseMs: 60_000 }), h.dispatcher({ leaseMs: 60_000 })];
    h.user.then(async () => {
      h.clock.advance(61_000);
      await second.runOnce();
    });
    for (let i = 1; i <= 3; i++) await h.enqueue('user', `u${i}`, `消息 ${i}`, 'notice');
    await first.runOnce();
    // The hung call itself went twice: no claim can stop that, hence HTTP timeouts far below the lease.
    const times = (body: string) => h.user.bodies().filter((b) => b === body).length;
    expect([times('消息 1'), times('消息 2'), times('消息 3')]).to.deep.equal([2, 1, 1]);
  });

  it('lets a sender that outlived its lease change nothing the sender that took over has settled', async () => {
    const h = await harness();
    const late = h.dispatcher();
    const takeover = h.dispatcher();
    await h.enqueue('robot', 'leaders', '告警 #3');
    // The first sender's call hangs past its lease; meanwhile another sender takes the message over and delivers it.
    h.robot.then(async () => {
      h.clock.advance(61_000);
      await takeover.runOnce();
      throw retryable('timeout of 10000ms exceeded');
    });
    expect(await late.runOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 0 });
    const [row] = await h.rows();
    expect(row).to.include({ status: 'sent', attempts: 1 });
    await h.runFor(120, late);
    expect(h.robot.attempts).to.have.length(2);
    expect(h.robot.bodies()).to.deep.equal(['告警 #3']);
  });
});

/** A channel whose calls take a turn of the event loop, so concurrent passes interleave. */
function slow<T extends { send: (targets: string[], body: string) => Promise<unknown> }>(channel: T): T {
  const send = channel.send.bind(channel);
  channel.send = async (targets, body) => {
    await turn();
    return send(targets, body);
  };
  return channel;
}

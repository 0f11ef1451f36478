import { expect } from 'chai';
import { outboxStatus } from '../../bot/outbox/status';
import { captureLog } from '../support/capture-log';
import { refused, retryable } from './fake-channel';
import { OutboxHarness } from './harness';

describe('delivering from the outbox', () => {
  let h: OutboxHarness;
  beforeEach(async () => (h = await OutboxHarness.open()));
  afterEach(() => h.close());

  it('retries a retryable error after its backoff, not before, and delivers exactly once', async () => {
    const dispatcher = h.dispatcher();
    h.robot.then(retryable('errcode 45009'));
    await h.enqueue('robot', 'leaders', '告警 #1');
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 0, retried: 1, failed: 0 });
    h.clock.advance(4_999);
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 0 });
    expect(h.robot.attempts).to.have.length(1);
    h.clock.advance(1);
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 1, retried: 0, failed: 0 });
    await h.runFor(120, dispatcher);
    expect(h.robot.bodies()).to.deep.equal(['告警 #1']);
    expect((await h.rows())[0]).to.include({ status: 'sent', attempts: 1 });
  });

  it('retries HTTP 500 and network errors with a doubling backoff, then delivers once', async () => {
    const dispatcher = h.dispatcher();
    h.robot.then(retryable('HTTP 500'), new Error('socket hang up'));
    await h.enqueue('robot', 'leaders', '告警 #2');
    await dispatcher.runOnce();
    h.clock.advance(5_000);
    await dispatcher.runOnce();
    expect((await h.rows())[0]).to.include({ status: 'pending', attempts: 2, nextAttemptAt: '2026-11-23T00:00:15.000Z' });
    expect((await h.rows())[0].lastError).to.contain('socket hang up');
    h.clock.advance(9_999);
    await dispatcher.runOnce();
    expect(h.robot.calls).to.have.length(0);
    h.clock.advance(1);
    await dispatcher.runOnce();
    await h.runFor(60, dispatcher);
    expect(h.robot.bodies()).to.deep.equal(['告警 #2']);
  });

  it('marks a refused message failed at once, keeps its error and shows it to the operator', async () => {
    const dispatcher = h.dispatcher();
    h.user.then(refused('errcode 81013 all recipients invalid'));
    await h.enqueue('user', 'ghost', '请完成晨检', 'nudge');
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 1 });
    await h.runFor(120, dispatcher);
    expect(h.user.attempts).to.have.length(1);
    const status = await outboxStatus(h.db);
    expect(status.counts).to.deep.equal({ failed: 1 });
    expect(status.failures).to.have.length(1);
    expect(status.failures[0]).to.include({ channel: 'user', target: 'ghost', category: 'nudge', attempts: 1, createdAt: '2026-11-23T00:00:00.000Z' });
    expect(status.failures[0].lastError).to.contain('81013');
  });

  it('gives up after the maximum attempts and keeps the message as failed with its last error', async () => {
    const dispatcher = h.dispatcher({ maxAttempts: 3 });
    h.robot.then(retryable('HTTP 502'), retryable('HTTP 502'), retryable('HTTP 503'));
    await h.enqueue('robot', 'leaders', '告警 #3');
    await h.runFor(120, dispatcher);
    expect(h.robot.attempts).to.have.length(3);
    expect(h.robot.calls).to.have.length(0);
    const { counts, failures } = await outboxStatus(h.db);
    expect(counts).to.deep.equal({ failed: 1 });
    expect(failures[0].attempts).to.equal(3);
    expect(failures[0].lastError).to.contain('HTTP 503').and.contain('3 attempts');
  });

  it('counts messages by status for the operator, newest failure first', async () => {
    const dispatcher = h.dispatcher();
    h.user.then(refused('first'), refused('second'));
    await h.enqueue('user', 'u1', '一', 'reply');
    await h.enqueue('user', 'u2', '二', 'reply');
    await h.enqueue('user', 'u3', '三', 'reply');
    await dispatcher.runOnce();
    await h.enqueue('user', 'u4', '四', 'reply');
    const { counts, failures } = await outboxStatus(h.db);
    expect(counts).to.deep.equal({ failed: 2, sent: 1, pending: 1 });
    expect(failures.map((f) => f.target)).to.deep.equal(['u2', 'u1']);
  });

  it('logs what it did without message bodies at info level', async () => {
    const { log, lines } = captureLog();
    const dispatcher = h.dispatcher({ log });
    h.robot.then(retryable('HTTP 500'));
    await h.enqueue('robot', 'leaders', '告警：张三 体温 38.2℃');
    await h.enqueue('user', 'u1', '请完成晨检：张三', 'nudge');
    await dispatcher.runOnce();
    const info = lines.filter((l) => Number(l.level) >= 30);
    expect(info.some((l) => l.msg === 'delivery failed; will retry')).to.equal(true);
    expect(info.some((l) => l.msg === 'outbox pass done' && l.sent === 1 && l.retried === 1)).to.equal(true);
    for (const line of info) expect(JSON.stringify(line)).not.to.contain('张三');
  });

  it('leaves messages of a channel it does not drive queued for a dispatcher that does', async () => {
    await h.enqueue('robot', 'leaders', '告警 #4');
    const userOnly = h.dispatcher({ channels: [h.user] });
    expect(await userOnly.runOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 0 });
    expect((await h.rows())[0].status).to.equal('pending');
  });
});

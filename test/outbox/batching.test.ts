import { expect } from 'chai';
import { userChannel } from './fake-channel';
import { OutboxHarness } from './harness';

describe('outbox batching of direct messages', () => {
  let h: OutboxHarness;
  afterEach(() => h.close());

  it('sends one nudge to 25 users as 2 calls when a call takes 20 users', async () => {
    h = await OutboxHarness.open();
    for (let i = 1; i <= 25; i++) await h.enqueue('user', `u${i}`, '请完成晨检', 'nudge');
    expect((await h.dispatcher().runOnce()).sent).to.equal(25);
    expect(h.user.calls.map((c) => c.targets.length)).to.deep.equal([20, 5]);
    expect(h.user.calls.flatMap((c) => c.targets)).to.deep.equal(Array.from({ length: 25 }, (_, i) => `u${i + 1}`));
  });

  it('sends one nudge to 2,500 WeCom users as 3 calls of up to 1,000', async () => {
    h = await OutboxHarness.open({ channels: (x) => [userChannel(x.clock, 1_000)] });
    await h.db.tx(async (sql) => {
      for (let i = 1; i <= 2_500; i++) await h.outbox.enqueue(sql, { channel: 'user', target: `u${i}` }, '请完成晨检', 'nudge');
    });
    expect((await h.dispatcher().runOnce()).sent).to.equal(2_500);
    expect(h.channels[0].calls.map((c) => c.targets.length)).to.deep.equal([1_000, 1_000, 500]);
  });

  it('retries later only the recipients the platform throttled, and loses none', async () => {
    h = await OutboxHarness.open();
    const dispatcher = h.dispatcher();
    h.user.then({ retryTargets: ['u2', 'u3'] });
    for (let i = 1; i <= 4; i++) await h.enqueue('user', `u${i}`, '请完成晨检', 'nudge');
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 2, retried: 2, failed: 0 });
    const rows = await h.rows();
    expect(rows.map((r) => [r.target, r.status, r.attempts])).to.deep.equal([
      ['u1', 'sent', 0],
      ['u2', 'pending', 1],
      ['u3', 'pending', 1],
      ['u4', 'sent', 0],
    ]);
    h.clock.advance(4_999);
    expect((await dispatcher.runOnce()).sent).to.equal(0);
    h.clock.advance(1);
    expect(await dispatcher.runOnce()).to.deep.equal({ sent: 2, retried: 0, failed: 0 });
    expect(h.user.calls.map((c) => c.targets)).to.deep.equal([['u1', 'u2', 'u3', 'u4'], ['u2', 'u3']]);
    expect((await h.rows()).every((r) => r.status === 'sent')).to.equal(true);
  });

  it('never batches different bodies, and sends the same message twice to one user as two calls', async () => {
    h = await OutboxHarness.open();
    await h.enqueue('user', 'u1', '请完成晨检', 'nudge');
    await h.enqueue('user', 'u2', '请完成午检', 'nudge');
    await h.enqueue('user', 'u1', '请完成晨检', 'nudge');
    expect((await h.dispatcher().runOnce()).sent).to.equal(3);
    expect(h.user.calls.map((c) => [c.body, c.targets])).to.deep.equal([
      ['请完成晨检', ['u1']],
      ['请完成晨检', ['u1']],
      ['请完成午检', ['u2']],
    ]);
  });
});

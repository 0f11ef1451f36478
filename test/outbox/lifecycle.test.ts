import { setImmediate as turn } from 'node:timers/promises';
import { expect } from 'chai';
import type { OutboxDispatcher } from '../../bot/outbox/dispatcher';
import { retryable } from './fake-channel';
import { OutboxHarness } from './harness';

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('running the outbox dispatcher', () => {
  let h: OutboxHarness;
  let dispatcher: OutboxDispatcher | undefined;
  beforeEach(async () => (h = await OutboxHarness.open()));
  afterEach(async () => {
    await dispatcher?.stop();
    dispatcher = undefined;
    await h.close();
  });

  it('sends a kicked message at once, without waiting for the poll', async () => {
    dispatcher = h.dispatcher({ pollMs: 3_600_000 });
    const delivered = gate();
    dispatcher.start();
    await dispatcher.runOnce();
    h.user.then(() => delivered.open());
    await h.enqueue('user', 'u1', '已收到', 'reply');
    dispatcher.kick();
    await delivered.opened;
    await dispatcher.runOnce(); // the pass that is delivering, to its end
    expect(h.user.calls).to.have.length(1);
  });

  it('runs another pass at once when kicked during a pass', async () => {
    dispatcher = h.dispatcher({ pollMs: 3_600_000 });
    const second = gate();
    h.user.then(
      async () => {
        await h.enqueue('user', 'u2', '第二条', 'reply');
        dispatcher!.kick();
      },
      () => second.open(),
    );
    await h.enqueue('user', 'u1', '第一条', 'reply');
    dispatcher.start();
    await second.opened;
    await dispatcher.runOnce();
    expect(h.user.bodies()).to.deep.equal(['第一条', '第二条']);
  });

  it('waits on stop for the pass in progress to finish', async () => {
    dispatcher = h.dispatcher();
    const release = gate();
    h.user.then(() => release.opened);
    await h.enqueue('user', 'u1', '已收到', 'reply');
    const pass = dispatcher.runOnce();
    await turn();
    let stopped = false;
    const stopping = dispatcher.stop().then(() => (stopped = true));
    await turn();
    expect(stopped).to.equal(false);
    release.open();
    await stopping;
    expect((await pass).sent).to.equal(1);
    expect((await h.rows())[0].status).to.equal('sent');
  });

  it('ignores a kick when not started, leaving the message for drain', async () => {
    dispatcher = h.dispatcher();
    await h.enqueue('user', 'u1', '已收到', 'reply');
    dispatcher.kick();
    await turn();
    expect(h.user.attempts).to.have.length(0);
    expect(await dispatcher.drain()).to.deep.equal({ sent: 1, retried: 0, failed: 0 });
  });

  it('drains what is due and returns, leaving a message waiting for its backoff queued', async () => {
    dispatcher = h.dispatcher();
    h.robot.then(retryable('HTTP 500'));
    await h.enqueue('robot', 'leaders', '告警 #1');
    for (let i = 1; i <= 3; i++) await h.enqueue('user', `u${i}`, `消息 ${i}`, 'notice');
    expect(await dispatcher.drain(5_000)).to.deep.equal({ sent: 3, retried: 1, failed: 0 });
    expect((await h.rows()).map((r) => r.status)).to.deep.equal(['pending', 'sent', 'sent', 'sent']);
  });

  it('shares the pass in progress between concurrent runOnce calls', async () => {
    dispatcher = h.dispatcher();
    await h.enqueue('user', 'u1', '已收到', 'reply');
    const [a, b] = await Promise.all([dispatcher.runOnce(), dispatcher.runOnce()]);
    expect(a).to.equal(b);
    expect(h.user.calls).to.have.length(1);
  });
});

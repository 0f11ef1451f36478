import { expect } from 'chai';
import { byteLength } from '../../bot/outbox/split';
import { groupRobot } from './fake-channel';
import { OutboxHarness } from './harness';

const alert = (i: number) => `【防疫告警 #${i}】3号窗口 张${i} 体温 37.8℃，请立即到隔离区复测`;

describe('outbox rate limits', () => {
  let h: OutboxHarness;
  afterEach(() => h.close());

  it('keeps 30 alerts in a minute to one group robot within 20 calls in any rolling minute, and delivers every one', async () => {
    h = await OutboxHarness.open();
    const dispatcher = h.dispatcher();
    for (let i = 1; i <= 30; i++) {
      await h.enqueue('robot', 'leaders', alert(i));
      await dispatcher.runOnce();
      h.clock.advance(2_000);
    }
    await h.runFor(180, dispatcher);

    expect(h.robot.maxCallsPerMinute()).to.be.at.most(20);
    const delivered = h.robot.bodies().join('\n');
    for (let i = 1; i <= 30; i++) expect(delivered).to.contain(alert(i));
    expect(h.robot.bodies().some((b) => b.startsWith('以下为合并推送的'))).to.equal(true);
    expect((await h.rows()).filter((r) => r.status === 'pending' || r.status === 'sending' || r.status === 'failed')).to.deep.equal([]);
  });

  it('merges a backlog over the budget, oldest first, and keeps each original pointing at the message that carried it', async () => {
    h = await OutboxHarness.open();
    const dispatcher = h.dispatcher();
    for (let i = 1; i <= 19; i++) await h.enqueue('robot', 'leaders', alert(i));
    await dispatcher.runOnce();
    for (let i = 20; i <= 25; i++) await h.enqueue('robot', 'leaders', alert(i));
    expect((await dispatcher.runOnce()).sent).to.equal(1);

    const merged = h.robot.calls[19].body;
    expect(merged.split('\n')[0]).to.equal('以下为合并推送的 6 条消息（群消息发送频率受限）：');
    expect(merged.indexOf(alert(20))).to.be.lessThan(merged.indexOf(alert(25)));
    const rows = await h.rows();
    const carrier = rows.find((r) => r.body === merged)!;
    expect(carrier.status).to.equal('sent');
    const originals = rows.filter((r) => r.status === 'merged');
    expect(originals.map((r) => r.body)).to.deep.equal([20, 21, 22, 23, 24, 25].map(alert));
    for (const r of originals) expect(r.mergedIntoId).to.equal(carrier.id);
  });

  it('merges into as many messages as the size limit requires, each within it, and sends what the budget allows', async () => {
    h = await OutboxHarness.open({ channels: (x) => [groupRobot(x.clock, 400)] });
    const [robot] = h.channels;
    const dispatcher = h.dispatcher();
    for (let i = 1; i <= 18; i++) await h.enqueue('robot', 'leaders', `通知 ${i}`, 'notice');
    await dispatcher.runOnce();
    for (let i = 1; i <= 12; i++) await h.enqueue('robot', 'leaders', alert(i));
    await dispatcher.runOnce();
    expect(robot.calls).to.have.length(20);
    for (const call of robot.calls) expect(byteLength(call.body)).to.be.at.most(400);
    await h.runFor(120, dispatcher);
    expect(robot.maxCallsPerMinute()).to.be.at.most(20);
    const delivered = robot.bodies().join('\n');
    for (let i = 1; i <= 12; i++) expect(delivered).to.contain(alert(i));
  });

  it('holds direct messages over a user\'s limit until a slot frees, and drops none', async () => {
    h = await OutboxHarness.open();
    const dispatcher = h.dispatcher();
    for (let i = 1; i <= 35; i++) await h.enqueue('user', 'u1', `第 ${i} 条`, 'reply');
    expect((await dispatcher.runOnce()).sent).to.equal(30);
    h.clock.set('2026-11-23T00:01:00.000Z');
    expect((await dispatcher.runOnce()).sent).to.equal(0);
    h.clock.set('2026-11-23T00:01:00.001Z');
    expect((await dispatcher.runOnce()).sent).to.equal(5);
    expect(h.user.bodies()).to.deep.equal(Array.from({ length: 35 }, (_, i) => `第 ${i + 1} 条`));
    expect(h.user.maxCallsPerMinute()).to.be.at.most(30);
  });

  it('shares a robot\'s budget between dispatchers: a send in flight on one counts against the other', async () => {
    h = await OutboxHarness.open();
    const [first, second] = [h.dispatcher(), h.dispatcher()];
    for (let i = 1; i <= 19; i++) await h.enqueue('robot', 'leaders', alert(i));
    await first.runOnce();
    await h.enqueue('robot', 'leaders', alert(20));
    // While the first dispatcher's 20th call is in flight, the second one finds another alert due.
    let secondPass: unknown;
    h.robot.then(async () => {
      await h.enqueue('robot', 'leaders', alert(21));
      secondPass = await second.runOnce();
    });
    await first.runOnce();
    expect(secondPass).to.deep.equal({ sent: 0, retried: 0, failed: 0 });
    expect(h.robot.calls).to.have.length(20);
    await h.runFor(120, second);
    expect(h.robot.maxCallsPerMinute()).to.be.at.most(20);
    expect(h.robot.bodies().join('\n')).to.contain(alert(21));
  });
});

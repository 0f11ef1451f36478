import { expect } from 'chai';
import { FakeWecomBot } from './support/fake-wecom-bot';
import { Hall } from './support/hall';
import { untilAsync } from './support/instances';
import { manualTimers } from './support/manual-timers';

interface LeaseHealth {
  connections: { name: string; connected: boolean; lease?: { holder: string | null; instance: string; standby: boolean } }[];
}

/**
 * Issue 26 item 6: WeCom keeps one intelligent-bot connection per bot and tells
 * the displaced one with disconnected_event; two instances on one database hold
 * it under a lease, one at a time, on fake time.
 */
describe('one WeCom intelligent-bot connection across two instances', function () {
  this.timeout(60_000);
  const STEP_MS = 5_000;
  let fake: FakeWecomBot;
  let a: Hall;
  let b: Hall;
  let ta: ReturnType<typeof manualTimers>;
  let tb: ReturnType<typeof manualTimers>;
  const open = new Set<Hall>();

  beforeEach(async () => {
    fake = await FakeWecomBot.start();
    ta = manualTimers();
    tb = manualTimers();
    a = await Hall.open({ platform: 'wecom-bot', wecomBot: fake, timers: ta, shareable: true });
    await fake.connected(1);
    b = await Hall.open({ platform: 'wecom-bot', wecomBot: fake, timers: tb, shareDatabaseWith: a });
    open.add(a).add(b);
    // Both have had their first look at the lease (and armed the next) before any timer moves.
    for (const hall of [a, b]) await untilAsync('the first look at the lease', async () => hall.service.adapters[0].link!.status().lease?.checkedAt !== null);
  });
  afterEach(async () => {
    for (const hall of [b, a]) if (open.delete(hall)) await hall.close();
    await fake.close();
  });

  const health = async (hall: Hall) => ((await (await fetch(`${hall.url}/healthz`)).json()) as LeaseHealth).connections[0];
  /** Moves the given instances' clocks and timers on by one step and lets what that fired finish. */
  const step = async (halls: [Hall, ReturnType<typeof manualTimers>][]) => {
    for (const [hall, timers] of halls) {
      hall.clock.advance(STEP_MS);
      timers.tick(STEP_MS);
    }
    // Each instance's look at the lease has run once its status says so.
    for (const [hall] of halls) {
      const at = hall.clock.now().toISOString();
      await untilAsync('the lease looked at', async () => hall.service.adapters[0].link!.status().lease?.checkedAt === at);
    }
  };
  const both = (): [Hall, ReturnType<typeof manualTimers>][] => [
    [a, ta],
    [b, tb],
  ];

  it('keeps one connection for a minute without flapping, the other instance standing by, and /healthz names the holder', async () => {
    for (let i = 0; i < 12; i++) await step(both());
    expect(fake.subscribed).to.equal(1);
    expect(fake.displaced).to.equal(0);
    expect(fake.mostAtOnce).to.equal(1);
    const [ofA, ofB] = [await health(a), await health(b)];
    expect(ofA).to.include({ connected: true });
    expect(ofA.lease).to.include({ standby: false, holder: ofA.lease!.instance });
    expect(ofB).to.include({ connected: false });
    expect(ofB.lease).to.include({ standby: true, holder: ofA.lease!.instance });
    expect((await fetch(`${b.url}/healthz`)).status).to.equal(200);

    expect(await fake.message({ from: 'zhangsan', content: '36.5', msgid: 'lease-1' })).to.contain('36.5');
    await a.deliver();
    await b.deliver();
    expect(await a.count('report')).to.equal(1);
  });

  it('is taken over within 30 s after the holder is killed, and a message sent meanwhile is answered once', async () => {
    expect(await fake.message({ from: 'zhangsan', content: '36.5', msgid: 'before-kill' })).to.contain('36.5');
    // Killed: its timers never fire again, its sender stops, its socket is gone; its lease is not released.
    await a.service.outboxDispatcher.stop();
    fake.drop();
    fake.push('cb-meanwhile', { from: 'zhaoliu', content: '36.6', msgid: 'meanwhile' });
    let waited = 0;
    while (fake.subscribed < 2 && waited < 60_000) {
      await step([[b, tb]]);
      waited += STEP_MS;
    }
    expect(waited).to.be.at.most(30_000);
    const answer = await fake.answerTo('cb-meanwhile');
    expect(answer).to.contain('36.6');
    await b.deliver();
    expect(fake.answersTo('cb-meanwhile')).to.have.length(1);
    expect(await b.count('report')).to.equal(2);
    expect((await health(b)).lease).to.include({ standby: false, holder: (await health(b)).lease!.instance });
  });

  it('obeys disconnected_event: the replaced instance stands by and does not dial while the other holds the lease', async () => {
    // The holder stalls past its lease (its timers stop); the other takes the lease and connects; the server replaces the older connection.
    let waited = 0;
    while (fake.subscribed < 2 && waited < 60_000) {
      await step([[b, tb]]);
      waited += STEP_MS;
    }
    await untilAsync('the older connection told it was replaced', async () => (await health(a)).lease?.standby === true);
    expect(fake.displaced).to.equal(1);
    const displacedAt = b.clock.now().toISOString();
    a.clock.set(displacedAt);
    for (let i = 0; i < 24; i++) {
      // The replaced instance looks at the lease again only after a minute's hold: its timers move, its looks are not awaited step by step.
      a.clock.advance(STEP_MS);
      ta.tick(STEP_MS);
      await step([[b, tb]]);
    }
    await untilAsync('the replaced instance looked again', async () => (a.service.adapters[0].link!.status().lease?.checkedAt ?? '') > displacedAt);
    expect(fake.subscribed).to.equal(2);
    expect(fake.displaced).to.equal(1);
    const holder = (await health(b)).lease!.instance;
    expect((await health(a)).lease).to.include({ standby: true, holder });
    expect(await fake.message({ from: 'zhangsan', content: '36.7', msgid: 'after-displace' })).to.contain('36.7');
    expect(await a.count('report')).to.equal(1);
  });

  it('is taken over at the next look when the holder stops', async () => {
    await a.service.adapters[0].link!.stop();
    await step([[b, tb]]);
    await fake.connected(2);
    expect((await health(b)).connected).to.equal(true);
  });
});

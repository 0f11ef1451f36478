import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createWecomAdapter } from '../../bot/adapters/wecom';
import { openDatabase } from '../../bot/db/open';
import { silentLogger } from '../../bot/log';
import { OutboxDispatcher } from '../../bot/outbox/dispatcher';
import { Outbox } from '../../bot/outbox/outbox';
import { ManualClock } from '../../bot/time';
import { FakeWecom } from '../support/fake-wecom';
import { Hall } from '../support/hall';
import { TEST_WECOM } from '../support/wecom-client';

const ROBOT = '/cgi-bin/webhook/send';

describe('outbox against a fake WeCom server', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await Hall.open()));
  afterEach(() => hall.close());

  it('retries 45009 and HTTP 500 from the group robot and delivers the alert exactly once', async () => {
    hall.fake.failNext(ROBOT, { errcode: 45009 }, { status: 500 });
    await hall.send('zhangsan', '37.9');
    expect(hall.fake.groupTexts()).to.deep.equal([]);
    for (let i = 0; i < 6; i++) {
      hall.clock.advance(10_000);
      await hall.deliver();
    }
    expect(hall.fake.callsTo(ROBOT)).to.have.length(3);
    expect(hall.fake.groupTexts()).to.have.length(1);
    expect(hall.fake.groupTexts()[0]).to.contain('#1');
  });

  it('keeps 30 alerts in one minute to the group robot within 20 calls a minute and loses none', async () => {
    const staff = Array.from({ length: 30 }, (_, i) => ({ name: `员工${i + 1}`, window: '3号窗口', role: 'staff', wecomUserId: `u${i + 1}`, mobile: null }));
    await hall.close();
    hall = await Hall.open({ people: staff as never });
    const robotCalls: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const before = hall.fake.callsTo(ROBOT).length;
      await hall.send(`u${i}`, '37.9');
      for (let k = before; k < hall.fake.callsTo(ROBOT).length; k++) robotCalls.push(hall.clock.now().getTime());
      hall.clock.advance(2_000);
    }
    for (let s = 0; s < 120; s++) {
      const before = hall.fake.callsTo(ROBOT).length;
      await hall.deliver();
      for (let k = before; k < hall.fake.callsTo(ROBOT).length; k++) robotCalls.push(hall.clock.now().getTime());
      hall.clock.advance(1_000);
    }
    const busiest = Math.max(...robotCalls.map((t) => robotCalls.filter((u) => u >= t && u < t + 60_000).length));
    expect(busiest).to.be.at.most(20);
    const delivered = hall.fake.groupTexts().join('\n');
    for (let i = 1; i <= 30; i++) expect(delivered).to.contain(`#${i}｜`);
    expect(await hall.count('outbox', `status IN ('pending', 'sending', 'failed')`)).to.equal(0);
  });
});

describe('outbox across a restart', () => {
  it('delivers a message queued before a restart exactly once', async () => {
    const fake = await FakeWecom.start();
    const clock = new ManualClock('2026-11-23T08:00:00+08:00');
    const file = join(mkdtempSync(join(tmpdir(), 'hg-restart-')), 'hall.sqlite');
    const channelsFor = () => createWecomAdapter({ config: { ...TEST_WECOM, apiBase: fake.url, leaderWebhookKey: 'k' }, log: silentLogger, clock }).channels;
    try {
      const before = await openDatabase(`sqlite:${file}`);
      await before.tx((sql) => new Outbox({ channels: channelsFor(), clock }).enqueue(sql, { channel: 'wecom-robot', target: 'leaders' }, '告警 #7', 'alert'));
      await before.close();

      const after = await openDatabase(`sqlite:${file}`);
      const dispatcher = new OutboxDispatcher({ db: after, channels: channelsFor(), clock, log: silentLogger });
      await dispatcher.drain();
      await dispatcher.drain();
      await after.close();
      expect(fake.groupTexts()).to.deep.equal(['告警 #7']);
    } finally {
      await fake.close();
    }
  });
});

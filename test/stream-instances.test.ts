import { expect } from 'chai';
import { openDatabase } from '../bot/db/open';
import { openTestDatabase, seedStaff, testDatabaseUrl } from './support/db';
import { dingtalkBody, dingtalkEnv } from './support/dingtalk-client';
import { FakeDingtalk } from './support/fake-dingtalk';
import { FakeDingtalkGateway } from './support/fake-dingtalk-stream';
import { startInstance, stopStarted, until } from './support/instances';

describe('DingTalk Stream across processes on one database', function () {
  // Two process starts in one test, each up to 50 s on a loaded machine.
  this.timeout(120_000);
  let dingtalk: FakeDingtalk;
  let gateway: FakeDingtalkGateway;
  let url: string;
  let env: Record<string, string>;

  before(async () => {
    dingtalk = await FakeDingtalk.start();
    gateway = await FakeDingtalkGateway.start();
    url = testDatabaseUrl(true);
    const db = await openTestDatabase(new Date(), url);
    await seedStaff(db, [
      { name: '张三', window: '1号窗口', role: 'staff', dingtalkUserId: 'zhangsan' },
      { name: '赵六', window: '1号窗口', role: 'staff', dingtalkUserId: 'zhaoliu' },
    ]);
    await db.close();
    env = { ...dingtalkEnv(dingtalk.url), DINGTALK_MODE: 'stream', DINGTALK_STREAM_ENDPOINT: gateway.url, DATABASE_URL: url, LOG_LEVEL: 'warn', SIMULATOR: 'off' };
  });

  after(async () => {
    await stopStarted();
    await gateway.close();
    await dingtalk.close();
  });

  const count = async (sql: string, params: unknown[] = []) => {
    const db = await openDatabase(url);
    try {
      return Number((await db.all<{ n: unknown }>(sql, params))[0].n);
    } finally {
      await db.close();
    }
  };
  const message = (from: string, content: string, msgId: string) => dingtalkBody({ from, content, msgId, sessionWebhook: dingtalk.sessionWebhook() }, Date.now());

  it('stores once a frame re-delivered after the first process was killed with SIGKILL before its ack reached DingTalk', async () => {
    const first = await startInstance(env);
    await gateway.connected(1);
    gateway.cutBeforeAck = true;
    const cut = gateway.cut();
    void gateway.deliver(message('zhangsan', '37.9 咳嗽', 'kill-1'));
    // The ack left the process, so the message had committed; DingTalk never saw it.
    await cut;
    first.child.kill('SIGKILL');
    gateway.cutBeforeAck = false;

    await startInstance(env);
    await gateway.connected(2);
    const [ack] = await gateway.redeliver();
    expect(ack.code).to.equal(200);
    expect(gateway.unacknowledged).to.equal(0);
    expect(await count('SELECT count(*) AS n FROM inbound_message WHERE message_id = ?', ['kill-1'])).to.equal(1);
    expect(await count('SELECT count(*) AS n FROM report')).to.equal(1);
    expect(await count('SELECT count(*) AS n FROM alert')).to.equal(1);
    // One reply and one alert push queued, whichever process ends up sending them.
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE category = 'reply'`)).to.equal(1);
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE category <> 'reply'`)).to.equal(1);
  });

  it('keeps a message single when two processes each hold a connection and both receive it', async () => {
    await startInstance(env);
    await gateway.connected(3);
    const before = dingtalk.calls.length;
    const replies = await count(`SELECT count(*) AS n FROM outbox WHERE category = 'reply'`);
    const { headers } = await gateway.deliver(message('zhaoliu', '36.6', 'both-1'));
    await gateway.acked(headers.messageId!, 2);
    expect(await count('SELECT count(*) AS n FROM inbound_message WHERE message_id = ?', ['both-1'])).to.equal(1);
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE category = 'reply'`)).to.equal(replies + 1);
    await until('the reply', () => dingtalk.sessionTexts(before).some((t) => t.includes('36.6')));
    expect(dingtalk.sessionTexts(before).filter((t) => t.includes('36.6'))).to.have.length(1);
  });
});

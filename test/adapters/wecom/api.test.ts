import { expect } from 'chai';
import { createWecomAdapter } from '../../../bot/adapters/wecom';
import { silentLogger } from '../../../bot/log';
import { SendError, type Channel } from '../../../bot/outbox/channel';
import { ManualClock } from '../../../bot/time';
import { FakeWecom } from '../../support/fake-wecom';
import { TEST_WECOM } from '../../support/wecom-client';

describe('WeCom API and channels', () => {
  let fake: FakeWecom;
  let clock: ManualClock;
  before(async () => (fake = await FakeWecom.start()));
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    clock = new ManualClock('2026-11-23T00:00:00Z');
  });

  const make = (extra: { leaderWebhookKey?: string; leaderChatId?: string } = {}) => {
    const adapter = createWecomAdapter({ config: { ...TEST_WECOM, apiBase: fake.url, ...extra }, log: silentLogger, clock });
    const channel = (name: string) => adapter.channels.find((c) => c.name === name) as Channel;
    return { adapter, channel };
  };
  const rejection = async (p: Promise<unknown>) => p.then(() => expect.fail('expected a SendError'), (e: unknown) => e as SendError);

  it('fetches one token for ten concurrent sends', async () => {
    const { channel } = make();
    await Promise.all(Array.from({ length: 10 }, (_, i) => channel('wecom-user').send([`u${i}`], '请晨检')));
    expect(fake.callsTo('/cgi-bin/gettoken')).to.have.length(1);
    expect(fake.callsTo('/cgi-bin/message/send').map((c) => c.query.access_token)).to.deep.equal(Array(10).fill('token-1'));
  });

  it('reuses the token until shortly before it expires, then fetches a new one', async () => {
    const { channel } = make();
    await channel('wecom-user').send(['u1'], 'a');
    clock.advance(100 * 60_000);
    await channel('wecom-user').send(['u1'], 'b');
    expect(fake.callsTo('/cgi-bin/gettoken')).to.have.length(1);
    clock.advance(20 * 60_000);
    await channel('wecom-user').send(['u1'], 'c');
    expect(fake.callsTo('/cgi-bin/gettoken')).to.have.length(2);
  });

  it('refreshes the token once on 42001 and retries the call', async () => {
    const { channel } = make();
    await channel('wecom-user').send(['u1'], 'a');
    fake.failNext('/cgi-bin/message/send', { errcode: 42001 });
    await channel('wecom-user').send(['u1'], 'b');
    expect(fake.callsTo('/cgi-bin/gettoken')).to.have.length(2);
    expect(fake.callsTo('/cgi-bin/message/send').map((c) => c.query.access_token)).to.deep.equal(['token-1', 'token-1', 'token-2']);
  });

  it('refreshes once for many concurrent 40014 answers', async () => {
    const { channel } = make();
    await channel('wecom-user').send(['u0'], 'warm');
    fake.failNext('/cgi-bin/message/send', ...Array(5).fill({ errcode: 40014 }));
    await Promise.all(Array.from({ length: 5 }, (_, i) => channel('wecom-user').send([`u${i}`], 'x')));
    expect(fake.callsTo('/cgi-bin/gettoken')).to.have.length(2);
  });

  it('sends to many users in one call with the agent id', async () => {
    const { channel } = make();
    await channel('wecom-user').send(['a', 'b', 'c'], '请完成晨检');
    expect(fake.callsTo('/cgi-bin/message/send')[0].body).to.deep.equal({ touser: 'a|b|c', msgtype: 'text', agentid: 1000002, text: { content: '请完成晨检' } });
  });

  it('maps errcodes and HTTP statuses to retryable or final errors', async () => {
    const { channel } = make();
    const user = channel('wecom-user');
    fake.failNext('/cgi-bin/message/send', { errcode: 45009 }, { status: 500 }, { errcode: -1 }, { errcode: 81013 }, { errcode: 60020 });
    expect((await rejection(user.send(['u1'], 'x'))).retryable).to.equal(true);
    expect((await rejection(user.send(['u1'], 'x'))).retryable).to.equal(true);
    expect((await rejection(user.send(['u1'], 'x'))).retryable).to.equal(true);
    const invalid = await rejection(user.send(['u1'], 'x'));
    expect(invalid.retryable).to.equal(false);
    expect(invalid.message).to.contain('81013');
    expect((await rejection(user.send(['u1'], 'x'))).retryable).to.equal(false);
  });

  it('treats an unreachable server as retryable, naming no URL', async () => {
    const adapter = createWecomAdapter({ config: { ...TEST_WECOM, apiBase: 'http://127.0.0.1:9' }, log: silentLogger, clock });
    const err = await rejection(adapter.channels[0].send(['u1'], 'x'));
    expect(err.retryable).to.equal(true);
    expect(err.message).not.to.contain(TEST_WECOM.secret);
  });

  it('pushes to the leadership group by robot with the configured key, or by app chat when set', async () => {
    const robot = make({ leaderWebhookKey: 'robot-key-1' });
    expect(robot.adapter.leaderDestinations).to.deep.equal([{ channel: 'wecom-robot', target: 'leaders' }]);
    await robot.channel('wecom-robot').send(['leaders'], '告警');
    expect(fake.callsTo('/cgi-bin/webhook/send')[0]).to.deep.include({ query: { key: 'robot-key-1' }, body: { msgtype: 'text', text: { content: '告警' } } });

    const chat = make({ leaderWebhookKey: 'robot-key-1', leaderChatId: 'chat-leaders' });
    expect(chat.adapter.leaderDestinations).to.deep.equal([{ channel: 'wecom-appchat', target: 'leaders' }]);
    await chat.channel('wecom-appchat').send(['leaders'], '告警');
    expect(fake.callsTo('/cgi-bin/appchat/send')[0].body).to.deep.equal({ chatid: 'chat-leaders', msgtype: 'text', text: { content: '告警' } });
  });

  it('has no leadership destination when neither is configured', () => {
    expect(make().adapter.leaderDestinations).to.deep.equal([]);
  });
});

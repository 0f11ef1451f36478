import { expect } from 'chai';
import { createDingtalkAdapter } from '../../../bot/adapters/dingtalk';
import { loadConfig } from '../../../bot/config';
import { silentLogger } from '../../../bot/log';
import { SendError } from '../../../bot/outbox/channel';
import { ManualClock } from '../../../bot/time';
import { dingtalkEnv } from '../../support/dingtalk-client';
import { BATCH_SEND, FakeDingtalk, GROUP_SEND } from '../../support/fake-dingtalk';

describe('DingTalk API and channels', () => {
  let fake: FakeDingtalk;
  let clock: ManualClock;
  before(async () => (fake = await FakeDingtalk.start()));
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    clock = new ManualClock('2026-11-23T00:00:00Z');
  });
  const adapter = () => createDingtalkAdapter({ config: loadConfig(dingtalkEnv(fake.url)).dingtalk!, log: silentLogger, clock });
  const channel = (a: ReturnType<typeof adapter>, name: string) => a.channels.find((c) => c.name === name)!;

  it('fetches one access token for concurrent sends and sends it as x-acs-dingtalk-access-token', async () => {
    const a = adapter();
    await Promise.all(Array.from({ length: 8 }, (_, i) => channel(a, 'dingtalk-user').send([`u${i}`], '请晨检')));
    expect(fake.callsTo('/v1.0/oauth2/accessToken')).to.have.length(1);
    expect(fake.callsTo('/v1.0/oauth2/accessToken')[0].body).to.deep.equal({ appKey: 'ding-test-key', appSecret: 'test-app-secret-for-dingtalk' });
    expect(fake.callsTo(BATCH_SEND).every((c) => c.headers['x-acs-dingtalk-access-token'] === 'dt-token-1')).to.equal(true);
  });

  it('refreshes the token once when the API answers 401', async () => {
    const a = adapter();
    await channel(a, 'dingtalk-user').send(['u1'], 'a');
    fake.failNext(BATCH_SEND, { status: 401, code: 'InvalidAuthentication' });
    await channel(a, 'dingtalk-user').send(['u1'], 'b');
    expect(fake.callsTo('/v1.0/oauth2/accessToken')).to.have.length(2);
    expect(fake.callsTo(BATCH_SEND).at(-1)!.headers['x-acs-dingtalk-access-token']).to.equal('dt-token-2');
  });

  it('sends batchSend with robotCode, the user ids and msgParam as a JSON string', async () => {
    await channel(adapter(), 'dingtalk-user').send(['u1', 'u2'], '请晨检');
    expect(fake.callsTo(BATCH_SEND)[0].body).to.deep.equal({ robotCode: 'ding-test-key', userIds: ['u1', 'u2'], msgKey: 'sampleText', msgParam: '{"content":"请晨检"}' });
  });

  it('pushes to the leadership group by groupMessages/send with the openConversationId', async () => {
    const a = adapter();
    expect(a.leaderDestinations).to.deep.equal([{ channel: 'dingtalk-group', target: 'leaders' }]);
    await channel(a, 'dingtalk-group').send(['leaders'], '告警');
    expect(fake.callsTo(GROUP_SEND)[0].body).to.include({ robotCode: 'ding-test-key', openConversationId: 'cid-leaders', msgKey: 'sampleText' });
  });

  it('retries 429 and 5xx, not a 400', async () => {
    const a = adapter();
    fake.failNext(BATCH_SEND, { status: 429 }, { status: 503 }, { status: 400, code: 'invalidParameter.userIds.overMax' });
    const errors: SendError[] = [];
    for (let i = 0; i < 3; i++) await channel(a, 'dingtalk-user').send(['u1'], 'x').catch((e: SendError) => errors.push(e));
    expect(errors.map((e) => e.retryable)).to.deep.equal([true, true, false]);
    expect(errors[2].message).to.contain('overMax');
  });
});

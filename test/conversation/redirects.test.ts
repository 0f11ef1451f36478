import { expect } from 'chai';
import { morningNudge } from '../../jobs/morning-nudge';
import { captureLog } from '../support/capture-log';
import { postToDingtalk } from '../support/dingtalk-client';
import { BATCH_SEND, FakeDingtalk, ROBOT_SEND, SESSION_PATH } from '../support/fake-dingtalk';
import { FakeWecom } from '../support/fake-wecom';
import { Hall } from '../support/hall';

const REDIRECTS = [302, 307, 308] as const;

/**
 * An attacker's server that records every request: after each test it must
 * have received nothing, whatever the platform's answer pointed at.
 */
describe('outbound calls never follow a redirect, and sessionWebhooks are only the oapi session path', () => {
  let hall: Hall;
  let attacker: FakeWecom;
  beforeEach(async () => (attacker = await FakeWecom.start()));
  afterEach(async () => {
    await hall?.close();
    await attacker.close();
  });
  const neverReached = () => expect(attacker.calls, 'requests that reached the other host').to.deep.equal([]);
  const outbox = () => hall.service.db.all<{ status: string; attempts: unknown }>('SELECT status, attempts FROM outbox ORDER BY id');

  describe('DingTalk', () => {
    const open = async (env: Record<string, string> = {}, log = captureLog().log) => (hall = await Hall.open({ platform: 'dingtalk', env, log }));
    const send = (from: string, content: string, sessionWebhook?: string) => postToDingtalk(hall.url, { from, content, sessionWebhook }, hall.clock.now().getTime());

    for (const status of REDIRECTS) {
      it(`a sessionWebhook answering ${status} to another host: the leader's 看板 link is not re-posted there; the reply goes one-to-one`, async () => {
        await open();
        hall.dingtalk.failNext(SESSION_PATH, { status, redirect: `${attacker.url}/robot/sendBySession?session=stolen` });
        await send('wangwu', '看板', hall.dingtalk.sessionWebhook());
        await hall.deliver();
        neverReached();
        expect(hall.dingtalk.callsTo(SESSION_PATH)).to.have.length(1);
        const direct = hall.dingtalk.directTexts();
        expect(direct).to.have.length(1);
        expect(direct[0].to).to.equal('wangwu');
        expect(direct[0].text).to.contain('/dashboard?t=');
      });
    }

    it('an access-token fetch answering 302 to another host: the AppSecret is not re-posted there', async () => {
      await open();
      hall.dingtalk.failNext('/v1.0/oauth2/accessToken', { status: 302, redirect: `${attacker.url}/v1.0/oauth2/accessToken` });
      await send('zhangsan', '36.5');
      await hall.deliver();
      neverReached();
      expect(hall.dingtalk.callsTo('/v1.0/oauth2/accessToken')).to.have.length(1);
    });

    it('the leadership custom robot answering 307 to another host: the alert is not re-posted there', async () => {
      const secret = 'SECb90923e19e58b466481e9e7b7a5b4f108a4531abde590ad3967fb29f0eae5c68';
      const robot = await FakeDingtalk.start(secret);
      try {
        await open({ DINGTALK_LEADER_CONVERSATION_ID: '', DINGTALK_LEADER_WEBHOOK: `${robot.url}${ROBOT_SEND}?access_token=robot-token`, DINGTALK_LEADER_SECRET: secret });
        robot.failNext(ROBOT_SEND, { status: 307, redirect: `${attacker.url}${ROBOT_SEND}` });
        await send('zhangsan', '38.5 咳嗽', hall.dingtalk.sessionWebhook());
        await hall.deliver();
        neverReached();
        expect(robot.callsTo(ROBOT_SEND)).to.have.length.at.least(1);
      } finally {
        await robot.close();
      }
    });

    const refused: [string, (base: string) => string][] = [
      ["another robot's send path on the oapi origin", (base) => `${base}${ROBOT_SEND}?access_token=someone-elses-robot`],
      ['a path that climbs out of the session path', (base) => `${base}/robot/sendBySession/../send?access_token=x`],
      ['credentials in the URL', (base) => base.replace('http://', 'http://user:pw@') + SESSION_PATH],
      ['another port of the same host', (base) => `${base.replace(/:\d+$/, ':1')}${SESSION_PATH}`],
      ['not a URL at all', () => 'not a url'],
    ];
    for (const [what, webhook] of refused) {
      it(`a sessionWebhook with ${what} is never fetched; the reply goes one-to-one at once, without retries`, async () => {
        const { log, lines } = captureLog();
        await open({}, log);
        await send('zhangsan', '36.5', webhook(hall.dingtalk.url));
        await hall.deliver();
        expect(hall.dingtalk.calls.filter((c) => c.path !== BATCH_SEND && c.path !== '/v1.0/oauth2/accessToken'), 'other calls').to.deep.equal([]);
        expect(hall.dingtalk.callsTo(BATCH_SEND)).to.have.length(1);
        expect(hall.dingtalk.directTexts()[0]).to.include({ to: 'zhangsan' });
        expect((await outbox()).map((r) => [r.status, Number(r.attempts)]), 'sent on the first attempt').to.deep.equal([['sent', 0]]);
        expect(lines.some((l) => String(l.msg).includes('suspicious') && l.level === 40)).to.equal(true);
      });
    }
  });

  describe('WeCom', () => {
    const open = async () => (hall = await Hall.open({ now: '2026-11-23T07:00:00+08:00' }));
    const nudge = () => hall.service.jobs.runner.fire(morningNudge, new Date('2026-11-23T07:30:00+08:00'), { trigger: 'scheduler' });

    for (const status of REDIRECTS) {
      it(`gettoken answering ${status} to another host: the corp secret is not re-sent there`, async () => {
        await open();
        hall.fake.failNext('/cgi-bin/gettoken', { status, redirect: `${attacker.url}/cgi-bin/gettoken?corpid=x&corpsecret=y` });
        await nudge();
        await hall.deliver();
        neverReached();
        expect(hall.fake.callsTo('/cgi-bin/gettoken')).to.have.length(1);
      });
    }

    it('message/send answering 307 to another host: the nudge is not re-posted there', async () => {
      await open();
      hall.fake.failNext('/cgi-bin/message/send', { status: 307, redirect: `${attacker.url}/cgi-bin/message/send` });
      await nudge();
      await hall.deliver();
      neverReached();
      expect(hall.fake.callsTo('/cgi-bin/message/send')).to.have.length(1);
    });

    it('the leadership robot webhook answering 308 to another host: the alert is not re-posted there', async () => {
      await open();
      hall.fake.failNext('/cgi-bin/webhook/send', { status: 308, redirect: `${attacker.url}/cgi-bin/webhook/send?key=x` });
      await hall.send('zhangsan', '38.5 咳嗽');
      neverReached();
      expect(hall.fake.callsTo('/cgi-bin/webhook/send')).to.have.length.at.least(1);
    });
  });
});

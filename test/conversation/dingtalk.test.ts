import { expect } from 'chai';
import { dingtalkSign } from '../../bot/adapters/dingtalk/sign';
import { morningNudge } from '../../jobs/morning-nudge';
import { captureLog } from '../support/capture-log';
import { dingtalkBody, postToDingtalk, TEST_DINGTALK } from '../support/dingtalk-client';
import { BATCH_SEND, FakeDingtalk, ROBOT_SEND, SESSION_PATH } from '../support/fake-dingtalk';
import { Hall } from '../support/hall';

describe('DingTalk callback and delivery', () => {
  let hall: Hall;
  afterEach(() => hall?.close());
  const open = async (options: Parameters<typeof Hall.open>[0] = {}) => (hall = await Hall.open({ platform: 'dingtalk', ...options }));
  const now = () => hall.clock.now().getTime();
  const nothingKept = async () => {
    for (const table of ['inbound_message', 'report', 'alert', 'outbox']) expect(await hall.count(table), table).to.equal(0);
    await hall.deliver();
    expect(hall.dingtalk.calls, 'outbound calls').to.deep.equal([]);
  };

  describe('refuses bad input, leaving no trace', () => {
    beforeEach(() => open());
    const post = (headers: { timestamp?: string; sign?: string }, at = now()) => postToDingtalk(hall.url, { from: 'zhangsan', content: '36.5' }, at, headers);

    it('a sign off by one character → 401', async () => {
      const sign = dingtalkSign(String(now()), TEST_DINGTALK.appSecret);
      const off = `${sign.slice(0, 5)}${sign[5] === 'A' ? 'B' : 'A'}${sign.slice(6)}`;
      expect((await post({ timestamp: String(now()), sign: off })).status).to.equal(401);
      await nothingKept();
    });

    it('a timestamp 2 hours old → 401', async () => {
      const old = String(now() - 2 * 3600_000);
      expect((await post({ timestamp: old, sign: dingtalkSign(old, TEST_DINGTALK.appSecret) })).status).to.equal(401);
      await nothingKept();
    });

    it('a timestamp in seconds instead of milliseconds → 401', async () => {
      const seconds = String(Math.floor(now() / 1000));
      expect((await post({ timestamp: seconds, sign: dingtalkSign(seconds, TEST_DINGTALK.appSecret) })).status).to.equal(401);
      await nothingKept();
    });

    it('missing headers → 401', async () => {
      const res = await fetch(`${hall.url}/dingtalk/callback`, { method: 'POST', body: JSON.stringify(dingtalkBody({ from: 'zhangsan', content: '36.5' }, now())) });
      expect(res.status).to.equal(401);
      await nothingKept();
    });

    it('malformed JSON → 400', async () => {
      const timestamp = String(now());
      const res = await fetch(`${hall.url}/dingtalk/callback`, { method: 'POST', headers: { timestamp, sign: dingtalkSign(timestamp, TEST_DINGTALK.appSecret) }, body: '{"msgId": ' });
      expect(res.status).to.equal(400);
      await nothingKept();
    });

    it('an oversized body → 413', async () => {
      const timestamp = String(now());
      const res = await fetch(`${hall.url}/dingtalk/callback`, {
        method: 'POST',
        headers: { timestamp, sign: dingtalkSign(timestamp, TEST_DINGTALK.appSecret) },
        body: JSON.stringify({ ...dingtalkBody({ from: 'zhangsan', content: '36.5' }, now()), padding: 'x'.repeat(70_000) }),
      });
      expect(res.status).to.equal(413);
      await nothingKept();
    });
  });

  it('never fetches a sessionWebhook on a foreign origin, logs it as suspicious, and replies by robot send', async () => {
    const { log, lines } = captureLog();
    await open({ log });
    const foreign = await FakeDingtalk.start();
    try {
      await postToDingtalk(hall.url, { from: 'zhangsan', content: '36.5', sessionWebhook: `${foreign.url}${SESSION_PATH}?session=evil` }, now());
      await hall.deliver();
      expect(foreign.calls).to.deep.equal([]);
      expect(hall.dingtalk.directTexts()).to.have.length(1);
      expect(hall.dingtalk.directTexts()[0]).to.include({ to: 'zhangsan' });
      expect(hall.dingtalk.directTexts()[0].text).to.contain('36.5℃');
      expect(lines.some((l) => String(l.msg).includes('suspicious') && l.origin === foreign.url)).to.equal(true);
    } finally {
      await foreign.close();
    }
  });

  it('records a msgId delivered 5 times at once once, replies once and pushes once', async () => {
    await open();
    const body = { from: 'zhangsan', content: '38.1 咳嗽', msgId: 'msgABC==', sessionWebhook: hall.dingtalk.sessionWebhook() };
    const responses = await Promise.all(Array.from({ length: 5 }, () => postToDingtalk(hall.url, body, now())));
    await hall.deliver();
    expect(responses.map((r) => r.status)).to.deep.equal([200, 200, 200, 200, 200]);
    expect(await hall.count('report')).to.equal(1);
    expect(hall.dingtalk.sessionTexts()).to.have.length(1);
    expect(hall.dingtalk.sessionTexts()[0]).to.contain('38.1℃').and.contain('告警 #1');
    expect(hall.dingtalk.groupTexts()).to.have.length(1);
  });

  it('falls back to robot send when the session has expired, by its time or by 300001', async () => {
    await open();
    await postToDingtalk(hall.url, { from: 'zhangsan', content: '36.5', sessionWebhook: hall.dingtalk.sessionWebhook(), sessionExpiresAt: now() - 1000 }, now());
    await hall.deliver();
    expect(hall.dingtalk.callsTo(SESSION_PATH)).to.deep.equal([]);
    hall.dingtalk.failNext(SESSION_PATH, { errcode: 300001 });
    await postToDingtalk(hall.url, { from: 'zhaoliu', content: '36.6', sessionWebhook: hall.dingtalk.sessionWebhook() }, now());
    await hall.deliver();
    expect(hall.dingtalk.directTexts().map((d) => d.to)).to.deep.equal(['zhangsan', 'zhaoliu']);
  });

  it('strips the @-mention of a group message and answers a picture with a hint', async () => {
    await open();
    const group = await hall.send('zhangsan', '@防疫助手 晨检 36.5');
    expect(group.reply).to.contain('晨检 36.5℃');
    await postToDingtalk(hall.url, { from: 'zhangsan', msgtype: 'picture', sessionWebhook: hall.dingtalk.sessionWebhook() }, now());
    await hall.deliver();
    expect(hall.dingtalk.sessionTexts().at(-1)).to.contain('文字');
  });

  it('nudges 25 people in 2 batchSend calls', async () => {
    const people = Array.from({ length: 25 }, (_, i) => ({ name: `员工${i}`, window: '1号窗口', role: 'staff', dingtalkUserId: `d${i}` }));
    await open({ people, now: '2026-11-23T07:00:00+08:00' });
    await hall.service.jobs.runner.fire(morningNudge, new Date('2026-11-23T07:30:00+08:00'), { trigger: 'scheduler' });
    await hall.deliver();
    expect(hall.dingtalk.callsTo(BATCH_SEND).map((c) => (c.body?.userIds as string[]).length)).to.deep.equal([20, 5]);
    expect(typeof hall.dingtalk.callsTo(BATCH_SEND)[0].body?.msgParam).to.equal('string');
  });

  it('retries throttled recipients and a throttled robot, losing nothing', async () => {
    const people = Array.from({ length: 5 }, (_, i) => ({ name: `员工${i}`, window: '1号窗口', role: 'staff', dingtalkUserId: `d${i}` }));
    await open({ people, now: '2026-11-23T07:00:00+08:00' });
    hall.dingtalk.failNext(BATCH_SEND, { flowControlled: ['d1', 'd3'] });
    await hall.service.jobs.runner.fire(morningNudge, new Date('2026-11-23T07:30:00+08:00'), { trigger: 'scheduler' });
    await hall.deliver();
    expect(hall.dingtalk.directTexts().map((d) => d.to).sort()).to.deep.equal(['d0', 'd2', 'd4']);
    hall.clock.advance(10_000);
    await hall.deliver();
    expect(hall.dingtalk.directTexts().map((d) => d.to).sort()).to.deep.equal(['d0', 'd1', 'd2', 'd3', 'd4']);
  });
});

describe('DingTalk custom robot for the leadership group', () => {
  let hall: Hall;
  afterEach(() => hall.close());

  it('signs the webhook, retries 130101, and delivers the alert once', async () => {
    const secret = 'SECb90923e19e58b466481e9e7b7a5b4f108a4531abde590ad3967fb29f0eae5c68';
    const robot = await FakeDingtalk.start(secret);
    try {
      hall = await Hall.open({
        platform: 'dingtalk',
        env: { DINGTALK_LEADER_CONVERSATION_ID: '', DINGTALK_LEADER_WEBHOOK: `${robot.url}${ROBOT_SEND}?access_token=robot-token`, DINGTALK_LEADER_SECRET: secret },
      });
      robot.failNext(ROBOT_SEND, { errcode: 130101 });
      await hall.send('zhangsan', '38.5');
      hall.clock.advance(10_000);
      await hall.deliver();
      expect(robot.callsTo(ROBOT_SEND)).to.have.length(2);
      expect(robot.groupTexts()).to.have.length(1);
      expect(robot.groupTexts()[0]).to.contain('#1').and.contain('张三');
      expect(robot.callsTo(ROBOT_SEND)[1].query).to.include({ access_token: 'robot-token' });
    } finally {
      await robot.close();
    }
  });
});

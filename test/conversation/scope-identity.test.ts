import { expect } from 'chai';
import { DashboardVisitor } from '../support/dashboard';
import { postToDingtalk } from '../support/dingtalk-client';
import { SESSION_PATH } from '../support/fake-dingtalk';
import { Hall, PEOPLE, PLATFORMS } from '../support/hall';

/** A leader and a lead with no window: `''` must not become a scope that matches the leader. */
const WINDOWLESS = [
  { name: '钱九', window: '', role: 'leader', wecomUserId: 'qianjiu', dingtalkUserId: 'qianjiu' },
  { name: '孙十', window: '', role: 'lead', wecomUserId: 'sunshi', dingtalkUserId: 'sunshi' },
];

for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: scope and identity`, () => {
    let hall: Hall;
    afterEach(() => hall.close());
    const open = () => Hall.open({ platform, now: '2026-11-23T10:00:00+08:00', people: [...PEOPLE, ...WINDOWLESS] }).then((h) => (hall = h));

    describe('a lead without a window sees nothing hall-wide', () => {
      beforeEach(async () => {
        await open();
        await hall.send('qianjiu', '38.6 咳嗽');
      });

      it('gets no 看板 link, and is told why', async () => {
        const { reply } = await hall.send('sunshi', '看板');
        expect(reply).not.to.contain('/dashboard');
        expect(reply).to.contain('窗口');
      });

      it("is refused 今日统计, never seeing the windowless leader's alert", async () => {
        const { reply } = await hall.send('sunshi', '今日统计');
        expect(reply).not.to.contain('钱九');
        expect(reply).not.to.contain('#1');
        expect(reply).to.contain('窗口');
      });

      it('cannot submit a roster for the windowless', async () => {
        const { reply } = await hall.send('sunshi', '明日排班 钱九');
        expect(reply).to.contain('窗口');
        expect(await hall.count('roster')).to.equal(0);
      });

      it("is refused the dashboard when a link outlives their window, never seeing the leader's alert", async () => {
        const visitor = new DashboardVisitor(hall);
        const link = await visitor.link('lisi');
        await hall.service.db.run(`UPDATE staff SET window_name = '' WHERE wecom_userid = 'lisi'`);
        hall.service.services.directory.invalidate();
        const page = await visitor.open(link);
        expect(page.status).to.equal(403);
        expect(page.body).not.to.contain('钱九');
        expect(page.body).not.to.contain('38.6');
      });
    });

    it("answers a re-delivered message id from another sender as that sender's own message, never with the first sender's reply", async () => {
      await open();
      const leader = await hall.send('wangwu', '看板', '7007');
      const token = /t=([\w.-]+)/.exec(leader.reply ?? '')?.[1];
      expect(token, 'the leader got a link').to.be.a('string');
      const other = await hall.send('zhangsan', '晨检 36.5', '7007');
      expect(other.reply).not.to.contain(token!);
      expect(other.reply).to.contain('36.5℃');
      expect(await hall.count('report')).to.equal(1);
      expect(await hall.count('inbound_message', 'message_id = ?', ['7007'])).to.equal(2);
      const again = await hall.send('zhangsan', '晨检 36.5', '7007');
      // A true re-delivery: WeCom gets the same passive reply (the bot: the same answer on its own request), DingTalk no second reply by API.
      expect(again.reply).to.equal(platform === 'wecom' || platform === 'wecom-bot' ? other.reply : null);
      expect(await hall.count('report')).to.equal(1);
    });
  });
}

describe('conversation on DingTalk: a sender not in the directory', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await Hall.open({ platform: 'dingtalk' })));
  afterEach(() => hall.close());

  it('is answered politely once, however often the message is replayed, and only the bare claim is kept', async () => {
    const now = hall.clock.now().getTime();
    const message = { from: 'stranger', content: '36.5 我是新来的', msgId: 'msgReplay==', sessionWebhook: hall.dingtalk.sessionWebhook() };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postToDingtalk(hall.url, message, now + i * 60_000)).status);
    await Promise.all([postToDingtalk(hall.url, message, now), postToDingtalk(hall.url, message, now)]);
    await hall.deliver();
    expect(statuses).to.deep.equal([200, 200, 200]);
    expect(hall.dingtalk.callsTo(SESSION_PATH)).to.have.length(1);
    expect(hall.dingtalk.sessionTexts()[0]).to.contain('不在本大厅的人员名单中');
    expect(hall.dingtalk.directTexts()).to.deep.equal([]);
    const claims = await hall.service.db.all<{ text: string; staff_id: unknown; sender_id: string }>('SELECT text, staff_id, sender_id FROM inbound_message');
    expect(claims).to.deep.equal([{ text: '', staff_id: null, sender_id: 'stranger' }]);
    for (const table of ['report', 'alert']) expect(await hall.count(table), table).to.equal(0);
  });
});

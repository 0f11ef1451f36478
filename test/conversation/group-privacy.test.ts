import { expect } from 'chai';
import { captureLog } from '../support/capture-log';
import { Hall, PLATFORMS } from '../support/hall';

for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: nothing personal is answered into a group chat`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await Hall.open({ platform, now: '2026-11-23T10:00:00+08:00' })));
    afterEach(() => hall.close());

    /** Every request the fake platform received after `since`, as text: what could have reached the group. */
    const everythingSent = (since: number) => (platform === 'wecom' ? hall.fake.calls : platform === 'wecom-bot' ? hall.bot.calls : hall.dingtalk.calls).slice(since).map((c) => JSON.stringify(c));
    const storedReplies = async () => (await hall.service.db.all<{ reply: string | null }>('SELECT reply FROM inbound_message')).map((r) => r.reply ?? '');

    it("sends a leader's 看板 link one-to-one and tells the group only that it was sent privately", async () => {
      const before = hall.mark();
      const { status, reply, direct, group } = await hall.send('wangwu', '看板', undefined, { group: true });
      expect(status).to.equal(200);
      expect(reply).to.contain('王五').and.contain('单独');
      expect(reply).not.to.contain('/dashboard');
      expect(direct).to.have.length(1);
      expect(direct[0].to).to.equal('wangwu');
      expect(direct[0].text).to.contain('/dashboard?t=');
      expect(group, 'leadership group').to.deep.equal([]);
      const token = /t=([\w.-]+)/.exec(direct[0].text)![1];
      expect(everythingSent(before).filter((c) => c.includes(token)), 'requests carrying the link').to.have.length(1);
      expect((await storedReplies()).join('\n')).not.to.contain(token);
    });

    const personal: [string, string, string, RegExp][] = [
      ['我的记录', 'zhangsan', '我的记录', /36\.5/],
      ["a lead's 今日统计", 'lisi', '今日统计', /赵六/],
      ["a leader's 统计", 'wangwu', '统计', /赵六/],
      ['排班状态', 'lisi', '排班状态', /排班/],
      ['a temperature report', 'zhaoliu', '午检 36.7', /36\.7/],
      ['代报, naming the person', 'lisi', '代报 赵六 36.8', /36\.8/],
      ['a refusal naming an unknown person', 'lisi', '代报 王小二 36.8', /王小二/],
    ];
    for (const [what, from, text, detail] of personal) {
      it(`sends ${what} one-to-one, the group seeing no detail`, async () => {
        await hall.send('zhangsan', '晨检 36.5', undefined, { group: false });
        const { reply, direct } = await hall.send(from, text, undefined, { group: true });
        expect(reply).to.contain('单独');
        expect(reply).not.to.match(detail);
        const mine = direct.filter((d) => d.to === from);
        expect(mine.map((d) => d.text).join('\n')).to.match(detail);
      });
    }

    it('answers 帮助 and a hint in the group itself: nothing personal in them', async () => {
      expect((await hall.send('zhangsan', '帮助', undefined, { group: true })).reply).to.contain('晨检');
      expect((await hall.send('zhangsan', '随便聊聊', undefined, { group: true })).reply).to.contain('帮助');
    });

    it('logs the chat id of a group message, for the operator to name the leadership group (docs/deployment.md)', async () => {
      const captured = captureLog();
      const logging = await Hall.open({ platform, now: '2026-11-23T10:00:00+08:00', log: captured.log });
      try {
        await logging.send('wangwu', '帮助', undefined, { group: true });
        await logging.send('zhangsan', '帮助');
        const lines = captured.lines.filter((l) => String(l.msg).startsWith('message in a group chat'));
        expect(lines.map((l) => l.chatId)).to.deep.equal([platform.startsWith('dingtalk') ? 'cid-private' : 'wr-hall-group']);
        expect(lines[0].platform).to.equal(platform.startsWith('dingtalk') ? 'dingtalk' : 'wecom');
      } finally {
        await logging.close();
      }
    });

    it('still answers a one-to-one chat directly', async () => {
      const { reply } = await hall.send('wangwu', '看板');
      expect(reply).to.contain('/dashboard?t=');
    });
  });
}

import { expect } from 'chai';
import { quickActionLink, quickActionMarkdown } from '../../bot/adapters/dingtalk/quick-actions';
import { shownMarkdown } from '../support/fake-dingtalk';
import type { Hall } from '../support/hall';
import { deadlinesAt, hallWithGroups } from '../support/incident-hall';

describe('DingTalk quick-action links', () => {
  it('carry a command with Chinese, spaces, # and brackets through the link unchanged', () => {
    for (const command of ['进展 12 隔离 已完成', '密接 #3 确认 张三 (访客)', '处置 7 已按预案处置 100% & done', 'a+b=c?']) {
      const href = quickActionLink(command);
      expect(href).to.match(/^dtmd:\/\/dingtalkclient\/sendMessage\?content=[^\s()#]+$/);
      expect(new URL(href).searchParams.get('content')).to.equal(command);
      const { links } = shownMarkdown(quickActionMarkdown('第一行\n第二行', [{ label: '完成', command }]).text);
      expect(links.map((l) => l.command)).to.deep.equal([command]);
    }
  });

  it('keep the text as written above the links', () => {
    const { text } = quickActionMarkdown('【应急 #1】2. 迅速隔离\n  缩进的一行 *不是强调*', [{ label: '完成', command: '进展 1 隔离 已完成' }]);
    expect(shownMarkdown(text).text).to.equal('【应急 #1】2. 迅速隔离\n  缩进的一行 *不是强调*');
  });
});

for (const platform of ['dingtalk', 'dingtalk-stream'] as const) {
  describe(`one tap on DingTalk (${platform}): the link sends the typed command`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' })));
    afterEach(() => hall.close());

    /** Taps a link: the client sends its content as an ordinary text from that person. */
    const tap = (who: string, link: { command: string }) => hall.send(who, link.command);

    it('completes a step by the 完成 link of the assignment, as if typed, and the reply and the leaders say so', async () => {
      const fever = await hall.send('zhangsan', '体温 38.2 咳嗽');
      const links = hall.dingtalk.directLinks().filter((l) => l.to === 'lisi' && l.label.startsWith('完成'));
      expect(links.map((l) => l.command)).to.include('进展 1 隔离 已完成');
      // The typed command stays shown beside the link.
      expect(fever.direct.find((d) => d.to === 'lisi' && d.text.includes('应急处置组负责'))?.text).to.contain('完成后回复：进展 1 隔离');

      hall.clock.set('2026-11-23T08:12:00+08:00');
      const done = await tap('lisi', links.find((l) => l.command === '进展 1 隔离 已完成')!);
      expect(done.reply).to.contain('已记录 #1 2. 迅速隔离');
      expect(done.group.join()).to.contain('✅ 2. 迅速隔离 — 李四 08:12');
      // A second tap, and a tap by the other owner, change nothing and say who did it.
      expect((await tap('lisi', links[0])).reply).to.contain('已由 李四 于 08:12 完成');
      expect((await tap('zhouba', links[0])).reply).to.contain('已由 李四 于 08:12 完成');
      expect(await hall.count('incident_step', "step = '隔离' AND done_at IS NOT NULL")).to.equal(1);
    });

    it('offers 完成 on an overdue reminder', async () => {
      await hall.send('zhangsan', '体温 38.2 咳嗽');
      const mark = hall.mark();
      await deadlinesAt(hall, '2026-11-23T09:10:00+08:00');
      const links = hall.dingtalk.directLinks(mark).filter((l) => l.to === 'lisi');
      expect(links.map((l) => l.command)).to.include('进展 1 送医 已完成');
    });

    it('confirms a proposed contact by the 确认 link and excludes another by 排除; a person without the step may not', async () => {
      await hall.send('zhangsan', '体温 38.2');
      const links = hall.dingtalk.directLinks().filter((l) => l.to === 'zhouba' && /^(确认|排除) /.test(l.label));
      expect(links.map((l) => l.label)).to.include.members(['确认 赵六', '排除 赵六', '确认 李四', '排除 李四']);
      const confirm = links.find((l) => l.label === '确认 赵六')!;
      expect((await tap('zhouba', confirm)).reply).to.contain('已确认 #1 密接：赵六');
      expect((await tap('zhouba', links.find((l) => l.label === '排除 李四')!)).reply).to.contain('已排除 #1 密接：李四');
      // The same link tapped by a staff member without the 排查 role is refused, as the typed command is.
      const refused = await tap('sunqi', confirm);
      expect(refused.reply).to.contain('由排查负责组或领导小组成员确认');
      expect(await hall.count('incident_contact', "status = 'confirmed'")).to.equal(1);
    });

    it('leaves group messages as text', async () => {
      await hall.send('zhangsan', '体温 38.2');
      const groupCalls = hall.dingtalk.calls.filter((c) => c.path.includes('groupMessages'));
      expect(groupCalls.length).to.be.greaterThan(0);
      expect(groupCalls.every((c) => c.body?.msgKey === 'sampleText')).to.equal(true);
    });
  });
}

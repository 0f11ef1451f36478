import { expect } from 'chai';
import { Hall, PLATFORMS } from '../support/hall';
import { deadlinesAt, hallWithGroups } from '../support/incident-hall';

for (const platform of PLATFORMS) {
  describe(`the emergency procedure, from a fever to 结案 (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' });
    });
    afterEach(() => hall.close());

    it('opens an incident on a critical reading, runs each step by chat, reminds on overdue steps and closes', async () => {
      const fever = await hall.send('zhangsan', '体温 38.2 咳嗽');
      const checklist = fever.group.find((t) => t.includes('【应急处置 #1】'));
      expect(checklist, fever.group.join('\n---\n')).to.be.a('string');
      expect(checklist).to.contain('张三').and.contain('✅ 1. 及时报告').and.contain('⬜ 2. 迅速隔离 — 应急处置组 — 08:20 前');
      expect(checklist).to.contain('⬜ 6. 消杀消毒 — 领导小组（消毒防疫组无成员）');
      const told = fever.direct.filter((d) => d.text.includes('应急处置组负责'));
      expect(told.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(told[0].text).to.contain('2. 迅速隔离（08:20 前）').and.contain('4. 准确排查');
      expect(fever.direct.find((d) => d.to === 'wangwu')?.text).to.contain('综合协调组负责');

      hall.clock.set('2026-11-23T08:12:00+08:00');
      const isolated = await hall.send('lisi', '进展 1 隔离 已送隔离室');
      expect(isolated.reply).to.contain('已记录 #1 2. 迅速隔离').and.contain('用时 7分钟');
      expect(isolated.group.join()).to.contain('✅ 2. 迅速隔离 — 李四 08:12，用时 7分钟：已送隔离室');

      expect((await hall.send('zhaoliu', '送医 1 已联系120')).reply).to.contain('由 应急处置组 负责');
      expect((await hall.send('zhouba', '隔离 1 又送了一次')).reply).to.contain('已由 李四 于 08:12 完成');
      expect((await hall.send('lisi', '进展 9 送医 已联系')).reply).to.contain('没有 9 号应急事件');
      expect((await hall.send('lisi', '进展 1 开会 讨论')).reply).to.contain('不认识的步骤「开会」');

      const late = await deadlinesAt(hall, '2026-11-23T09:10:00+08:00');
      const reminders = late.direct.filter((d) => d.text.includes('3. 定点送医'));
      expect(reminders.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(reminders[0].text).to.contain('已超时 5分钟');
      expect(late.group).to.deep.equal([]);
      expect((await deadlinesAt(hall, '2026-11-23T09:15:00+08:00')).direct).to.deep.equal([]);

      const twice = await deadlinesAt(hall, '2026-11-23T10:10:00+08:00');
      expect(twice.group.join()).to.contain('【应急 #1 严重超时】3. 定点送医');
      expect(twice.direct.find((d) => d.to === 'wangwu')?.text).to.contain('5. 如实上报');

      const list = await hall.send('wangwu', '应急 1');
      expect(list.reply).to.contain('✅ 2. 迅速隔离 — 李四 08:12：已送隔离室').and.contain('⬜ 3. 定点送医').and.contain('已超时 1小时5分钟');

      const closed = await hall.send('wangwu', '结案 1 排除感染，解除隔离');
      expect(closed.reply).to.contain('【应急 #1 结案】王五：排除感染').and.contain('3. 定点送医');
      expect(closed.group.join()).to.contain('【应急 #1 结案】');
      expect((await hall.send('lisi', '进展 1 送医 已送医')).reply).to.contain('#1 已结案');
      expect((await deadlinesAt(hall, '2026-11-23T12:30:00+08:00')).direct).to.deep.equal([]);
    });

    it('proposes contacts from the window to the 排查 owners, who confirm and exclude; confirmed contacts are asked for a reading', async () => {
      const fever = await hall.send('zhangsan', '体温 38.2');
      const proposal = fever.direct.filter((d) => d.text.includes('【应急 #1 密接排查】'));
      expect(proposal.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(proposal[0].text).to.contain('赵六（同窗口）').and.contain('李四（窗口负责人）').and.not.contain('孙七');

      const confirmed = await hall.send('zhouba', '密接 1 确认 赵六、孙七');
      expect(confirmed.reply).to.contain('已确认 #1 密接：赵六、孙七');
      expect(confirmed.direct.map((d) => d.to).sort()).to.deep.equal(['sunqi', 'zhaoliu']);
      expect(confirmed.direct[0].text).to.contain('请立即测量体温');

      expect((await hall.send('zhaoliu', '密接 1 排除 李四')).reply).to.contain('由排查负责组或领导小组成员确认');
      expect((await hall.send('wangwu', '密接 1 排除 无名氏')).reply).to.contain('名单中没有「无名氏」');
      expect((await hall.send('wangwu', '密接 1 排除 李四')).reply).to.contain('已排除 #1 密接：李四');
      expect((await hall.send('wangwu', '应急 1')).reply).to.contain('密接：已确认 孙七、赵六；待核实 无；已排除 李四');
    });

    it('leaves a temperature that starts with a step’s name a temperature report, and lets only leaders close', async () => {
      await hall.send('zhangsan', '体温 38.2');
      const before = await hall.count('report');
      const report = await hall.send('zhaoliu', '上报 36.5');
      expect(report.reply).to.contain('36.5');
      expect(await hall.count('report')).to.equal(before + 1);
      expect((await hall.send('sunqi', '上报 37 咳嗽')).reply).to.not.contain('没有 37 号应急事件');
      expect(await hall.count('report')).to.equal(before + 2);
      expect((await hall.send('lisi', '结案 1 好了')).reply).to.not.contain('结案】');
      expect(await hall.count('incident', "status = 'open'")).to.equal(1);
    });
  });
}

describe('the emergency procedure in a hall without working groups', () => {
  it('pushes the alert, its checklist and the proposed contacts to the leadership group as one message', async () => {
    const hall = await Hall.open({ env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders' } });
    try {
      const fever = await hall.send('zhangsan', '体温 38.2');
      expect(fever.group).to.have.length(1);
      expect(fever.group[0]).to.contain('【应急处置 #1】').and.contain('领导小组（应急处置组无成员）').and.contain('【应急 #1 密接排查】').and.contain('赵六（同窗口）');
      expect(fever.direct.filter((d) => d.text.includes('应急'))).to.deep.equal([]);
    } finally {
      await hall.close();
    }
  });
});

describe('the emergency procedure on a holiday', () => {
  it('reminds the owners of an overdue step on National Day as on any day', async () => {
    const hall = await hallWithGroups({ now: '2026-10-01T08:05:00+08:00' });
    try {
      await hall.send('zhangsan', '体温 38.6');
      const late = await deadlinesAt(hall, '2026-10-01T08:25:00+08:00');
      expect(late.result.outcome).to.equal('done');
      expect(late.direct.filter((d) => d.text.includes('2. 迅速隔离')).map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
    } finally {
      await hall.close();
    }
  });
});

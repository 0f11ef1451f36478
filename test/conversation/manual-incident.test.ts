import { expect } from 'chai';
import { alertEscalation } from '../../jobs/alert-escalation';
import { Hall } from '../support/hall';
import { deadlinesAt, hallWithGroups } from '../support/incident-hall';

const DOOR = '门口一名群众体温 38.5℃，已在门岗等候';

for (const platform of ['wecom', 'dingtalk'] as const) {
  describe(`启动应急: an incident opened by hand, about no staff member (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' });
    });
    afterEach(() => hall.close());

    it('pushes the checklist, tells the owners, and runs progress, contacts by name, deadlines, 处置 and 结案 as for a reading', async () => {
      const opened = await hall.send('wangwu', `启动应急 ${DOOR}`);
      expect(opened.reply).to.contain('已启动 #1 号应急处置');
      expect(opened.group).to.have.length(1);
      expect(opened.group[0]).to.contain(`【启动应急 #1】王五 08:05 启动应急处置：${DOOR}`).and.contain('【应急处置 #1】');
      expect(opened.group[0]).to.contain('✅ 1. 及时报告').and.contain('⬜ 2. 迅速隔离 — 应急处置组 — 08:20 前').and.contain('⬜ 6. 消杀消毒 — 领导小组（消毒防疫组无成员）');
      const owners = opened.direct.filter((d) => d.text.includes('应急处置组负责'));
      expect(owners.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(owners[0].text).to.contain(DOOR).and.contain('2. 迅速隔离（08:20 前）');
      expect(opened.direct.find((d) => d.to === 'wangwu')?.text).to.contain('综合协调组负责');
      const tracers = opened.direct.filter((d) => d.text.includes('【应急 #1 密接排查】'));
      expect(tracers.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(tracers[0].text).to.contain('不是系统中的人员').and.contain('密接 1 确认 <姓名…>');
      expect(await hall.count('alert', "subject_kind = 'manual' AND staff_id IS NULL AND report_id IS NULL AND status = 'open'")).to.equal(1);
      expect(await hall.count('incident', "subject_kind = 'manual' AND staff_id IS NULL AND opened_by_id IS NOT NULL")).to.equal(1);

      hall.clock.set('2026-11-23T08:12:00+08:00');
      const isolated = await hall.send('lisi', '进展 1 隔离 已送临时隔离室');
      expect(isolated.reply).to.contain('已记录 #1 2. 迅速隔离').and.contain('用时 7分钟');
      expect(isolated.group.join()).to.contain('✅ 2. 迅速隔离 — 李四 08:12，用时 7分钟：已送临时隔离室');

      const contacts = await hall.send('zhouba', '密接 1 确认 赵六');
      expect(contacts.reply).to.contain('已确认 #1 密接：赵六');
      expect(contacts.direct.map((d) => d.to)).to.deep.equal(['zhaoliu']);
      expect(contacts.direct[0].text).to.contain('请立即测量体温');

      hall.clock.set('2026-11-23T08:40:00+08:00');
      const mark = hall.mark();
      await hall.service.jobs.runner.fire(alertEscalation, hall.clock.now(), { trigger: 'scheduler' });
      await hall.deliver();
      expect(hall.deliveredSince(mark).group.join()).to.contain('【告警未处置·第 1 次提醒】#1').and.contain('门口一名群众体温');

      const handled = await hall.send('wangwu', '处置 1 已安排专人陪同等候120');
      expect(handled.reply).to.contain('已记录告警 #1');
      expect(handled.group.join()).to.contain('【告警已处置】#1 门口一名群众体温');
      expect(await hall.count('incident', "status = 'open'")).to.equal(1);

      const late = await deadlinesAt(hall, '2026-11-23T09:10:00+08:00');
      const reminders = late.direct.filter((d) => d.text.includes('3. 定点送医'));
      expect(reminders.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(reminders[0].text).to.contain('已超时 5分钟').and.contain('门口一名群众体温');

      const list = await hall.send('wangwu', '应急 1');
      expect(list.reply).to.contain(`【应急处置 #1】${DOOR}（处置中）`).and.contain('✅ 2. 迅速隔离 — 李四 08:12').and.contain('密接：已确认 赵六');

      const closed = await hall.send('wangwu', '结案 1 已送医，排除新冠感染');
      expect(closed.reply).to.contain('【应急 #1 结案】王五：已送医').and.contain('3. 定点送医');
      expect(closed.group.join()).to.contain('【应急 #1 结案】');
    });

    it('refuses a staff member and a lead, and asks for the situation when none is given', async () => {
      expect((await hall.send('zhangsan', `启动应急 ${DOOR}`)).reply).to.contain('「启动应急」不在工作人员可用的命令中');
      expect((await hall.send('lisi', `启动应急 ${DOOR}`)).reply).to.contain('「启动应急」不在窗口负责人可用的命令中');
      expect((await hall.send('wangwu', '启动应急')).reply).to.contain('用法：启动应急');
      expect(await hall.count('incident')).to.equal(0);
      expect(await hall.count('alert')).to.equal(0);
    });

    it('lists the open manual alert in 今日统计 by its situation, without a window', async () => {
      await hall.send('wangwu', `启动应急 ${DOOR}`);
      expect((await hall.send('wangwu', '今日统计')).reply).to.contain('未处置告警 1 条：#1 门口一名群众体温');
    });

    it('settles the manual alert with 结案, as a reading’s: nothing shows it open afterwards', async () => {
      await hall.send('wangwu', `启动应急 ${DOOR}`);
      const closed = await hall.send('wangwu', '结案 1 送医排除，群众已离开');
      expect(closed.reply).to.contain('告警 #1 随结案标记为已处置');
      expect((await hall.send('wangwu', '今日统计')).reply).to.contain('未处置告警：无').and.contain('今日结案：#1');
      expect((await hall.send('wangwu', '处置 1 补记')).reply).to.contain('告警 #1 已由 王五');
      expect(await hall.count('alert', "status = 'open'")).to.equal(0);
    });
  });
}

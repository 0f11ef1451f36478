import { expect } from 'chai';
import { importGroups } from '../../bot/groups/import';
import { disinfectionCheck } from '../../jobs/disinfection-check';
import { disinfectionReminder } from '../../jobs/disinfection-reminder';
import type { Job } from '../../jobs/job';
import { Hall, type HallOptions, type TestPlatform } from '../support/hall';

/** 张三 and 赵六 do the rounds; 周八 keeps the supplies; 孙七 and 李四 are in neither group; 王五 leads. */
const GROUPS = 'group,name\n消毒防疫组,张三\n消毒防疫组,赵六\n综合协调组,周八\n';
const LEADERS = { WECOM_LEADER_WEBHOOK_KEY: 'leaders', DINGTALK_LEADER_CONVERSATION_ID: 'cid-leaders' };

async function hallWithGroups(options: HallOptions, groups = GROUPS): Promise<Hall> {
  const hall = await Hall.open({ ...options, env: { ...LEADERS, ...options.env } });
  const imported = await importGroups(hall.service.db, groups, { now: hall.clock.now() });
  expect(imported.ok, JSON.stringify(imported.errors)).to.equal(true);
  return hall;
}

/** Fires a job at a local time, as the scheduler would, and returns what it delivered. */
async function fireAt(hall: Hall, job: Job, local: string) {
  hall.clock.set(local);
  const mark = hall.mark();
  const result = await hall.service.jobs.runner.fire(job, hall.clock.now(), { trigger: 'scheduler' });
  await hall.deliver();
  return { result, ...hall.deliveredSince(mark) };
}

const CHAT_PLATFORMS: TestPlatform[] = ['wecom', 'dingtalk'];

for (const platform of CHAT_PLATFORMS) {
  describe(`disinfection rounds by chat (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' });
    });
    afterEach(() => hall.close());

    it('logs an area, a nearby name and 全部 within the current round, and says what is left', async () => {
      const one = await hall.send('zhangsan', '消杀 网办区 完成');
      expect(one.reply).to.contain('已登记消杀：网办区（08:00 轮次，08:05）').and.contain('本轮还差：公共区域、税务区、休息区、自助服务区');
      expect((await hall.send('zhaoliu', '消杀 网办区 完成')).reply).to.contain('网办区 本轮（08:00）已由 张三 08:05 登记');
      expect((await hall.send('wangwu', '消杀 税务 已擦拭柜台')).reply).to.contain('已登记消杀：税务区');
      const all = await hall.send('zhaoliu', '消杀 全部');
      expect(all.reply).to.contain('已登记消杀：公共区域、休息区、自助服务区').and.contain('本轮各区域已全部完成');
      expect((await hall.send('zhaoliu', '消杀 全部')).reply).to.contain('各区域均已登记');
      expect(await hall.count('disinfection_log', 'round = ?', ['08:00'])).to.equal(5);

      hall.clock.set('2026-11-23T12:20:00+08:00');
      expect((await hall.send('zhangsan', '消杀 网办区 完成')).reply).to.contain('（12:00 轮次，12:20）');
    });

    it('keeps an ad-hoc place apart and asks what was done at a place that is not an area', async () => {
      const adHoc = await hall.send('zhaoliu', '消杀 会议室 第三会议室会后消毒');
      expect(adHoc.reply).to.contain('已登记临时消杀：会议室 — 第三会议室会后消毒');
      const bare = await hall.send('zhaoliu', '消杀 会议室');
      expect(bare.reply).to.contain('「会议室」不是例行消杀区域').and.contain('消杀 会议室 第三会议室会后消毒');
      expect((await hall.send('zhaoliu', '消杀')).reply).to.contain('用法：消杀 公共区域 完成').and.contain('公共区域（大厅、大堂）、税务区、网办区、休息区、自助服务区');
      expect(await hall.count('disinfection_log')).to.equal(1);
    });

    it('refuses people outside 消毒防疫组 and the leadership politely, storing nothing', async () => {
      expect((await hall.send('sunqi', '消杀 税务区 完成')).reply).to.contain('消杀登记由消毒防疫组成员或领导小组成员进行');
      expect((await hall.send('lisi', '消杀 全部')).reply).to.contain('消杀登记由消毒防疫组成员或领导小组成员进行');
      expect(await hall.count('disinfection_log')).to.equal(0);
    });

    it('shows today’s rounds by area: who and when, what is missing, the rounds to come', async () => {
      await hall.send('zhangsan', '消杀 网办区 喷洒消毒液');
      await hall.send('zhaoliu', '消杀 会议室 第三会议室会后消毒');
      hall.clock.set('2026-11-23T08:30:00+08:00');
      await hall.send('wangwu', '消杀 公共区域 完成');
      const status = await hall.send('sunqi', '消杀状态');
      expect(status.reply).to.contain('【消杀状态】11月23日（周一）').and.contain('08:00 轮次：已完成 2/5');
      expect(status.reply).to.contain('✅ 网办区 — 张三 08:05：喷洒消毒液').and.contain('✅ 公共区域 — 王五 08:30');
      expect(status.reply).to.contain('⬜ 未登记：税务区、休息区、自助服务区').and.contain('➕ 临时 会议室 — 赵六 08:05：第三会议室会后消毒');
      expect(status.reply).to.contain('12:00 轮次：未开始').and.contain('17:30 轮次：未开始');
    });

    it('counts a log before the first round for the first round', async () => {
      hall.clock.set('2026-11-23T07:40:00+08:00');
      expect((await hall.send('zhangsan', '消杀 休息区 完成')).reply).to.contain('（08:00 轮次，07:40）');
    });

    it('keeps 消杀 <编号> the 消杀 step of an incident, beside the rounds', async () => {
      await hall.send('sunqi', '体温 38.2 咳嗽');
      expect(await hall.count('incident', "status = 'open'")).to.equal(1);
      expect((await hall.send('lisi', '消杀 1 已消毒')).reply).to.contain('6. 消杀消毒 由 消毒防疫组 负责');
      const step = await hall.send('zhangsan', '消杀 1 已对2号窗口全面消毒');
      expect(step.reply).to.contain('已记录 #1 6. 消杀消毒');
      expect(step.group.join()).to.contain('✅ 6. 消杀消毒 — 张三');
      expect((await hall.send('zhangsan', '消杀 9 已消毒')).reply).to.contain('没有 9 号应急事件');
      expect((await hall.send('zhangsan', '进展 1 消杀 再次')).reply).to.contain('已由 张三');
      expect((await hall.send('zhangsan', '消杀 网办区 完成')).reply).to.contain('已登记消杀：网办区');
      expect(await hall.count('disinfection_log')).to.equal(1);
    });
  });
}

describe('the disinfection jobs', () => {
  let hall: Hall;
  afterEach(() => hall.close());

  it('reminds 消毒防疫组 at a round on a workday, and tells the leadership group 45 minutes later the areas not logged, once', async () => {
    hall = await hallWithGroups({ now: '2026-11-23T07:50:00+08:00' });
    const reminder = await fireAt(hall, disinfectionReminder, '2026-11-23T08:00:00+08:00');
    expect(reminder.result.outcome).to.equal('done');
    expect(reminder.direct.map((d) => d.to).sort()).to.deep.equal(['zhangsan', 'zhaoliu']);
    expect(reminder.direct[0].text).to.contain('【消杀提醒】11月23日 08:00 轮次').and.contain('公共区域、税务区、网办区、休息区、自助服务区');
    expect(reminder.group).to.deep.equal([]);

    hall.clock.set('2026-11-23T08:20:00+08:00');
    await hall.send('zhangsan', '消杀 网办区 完成');
    await hall.send('wangwu', '消杀 公共区域 完成');
    const check = await fireAt(hall, disinfectionCheck, '2026-11-23T08:45:00+08:00');
    expect(check.group).to.have.length(1);
    expect(check.group[0]).to.contain('【消杀未完成】11月23日 08:00 轮次，截至 08:45 未登记：税务区、休息区、自助服务区（已完成 2/5）');
    expect(check.direct).to.deep.equal([]);

    const again = await fireAt(hall, disinfectionCheck, '2026-11-23T08:45:00+08:00');
    expect(again.result.outcome).to.equal('already-fired');
    expect(again.group).to.deep.equal([]);
  });

  it('sends nothing at the check when every area of the round was logged', async () => {
    hall = await hallWithGroups({ now: '2026-11-23T12:05:00+08:00' });
    await hall.send('zhaoliu', '消杀 全部');
    const check = await fireAt(hall, disinfectionCheck, '2026-11-23T12:45:00+08:00');
    expect(check.result).to.include({ outcome: 'done', detail: '12:00 轮次各区域均已消杀' });
    expect(check.group).to.deep.equal([]);
  });

  it('does nothing on a holiday, where a round may still be logged', async () => {
    hall = await hallWithGroups({ now: '2026-10-01T07:50:00+08:00' });
    const reminder = await fireAt(hall, disinfectionReminder, '2026-10-01T08:00:00+08:00');
    const check = await fireAt(hall, disinfectionCheck, '2026-10-01T08:45:00+08:00');
    expect([reminder.result.outcome, check.result.outcome]).to.deep.equal(['not-workday', 'not-workday']);
    expect([...reminder.direct, ...check.direct, ...reminder.group, ...check.group]).to.deep.equal([]);
    hall.clock.set('2026-10-01T09:00:00+08:00');
    expect((await hall.send('zhangsan', '消杀 休息区 完成')).reply).to.contain('已登记消杀：休息区');
    expect((await hall.send('zhangsan', '消杀状态')).reply).to.contain('10月1日（周四）（非工作日）').and.contain('✅ 休息区 — 张三 09:00');
  });

  it('reminds the leadership group when 消毒防疫组 has no members', async () => {
    hall = await hallWithGroups({ now: '2026-11-23T17:00:00+08:00' }, 'group,name\n综合协调组,周八\n');
    const reminder = await fireAt(hall, disinfectionReminder, '2026-11-23T17:30:00+08:00');
    expect(reminder.direct).to.deep.equal([]);
    expect(reminder.group).to.have.length(1);
    expect(reminder.group[0]).to.contain('【消杀提醒】11月23日 17:30 轮次').and.contain('消毒防疫组暂无成员');
  });

  it('follows configured areas and rounds', async () => {
    hall = await hallWithGroups({ now: '2026-11-23T09:00:00+08:00', env: { DISINFECTION_AREAS: '大厅,卫生间', DISINFECTION_ROUNDS: '09:00,14:30' } });
    await hall.send('zhangsan', '消杀 大厅 完成');
    const check = await fireAt(hall, disinfectionCheck, '2026-11-23T09:45:00+08:00');
    expect(check.group[0]).to.contain('09:00 轮次，截至 09:45 未登记：卫生间（已完成 1/2）');
    const later = await fireAt(hall, disinfectionReminder, '2026-11-23T14:30:00+08:00');
    expect(later.direct[0].text).to.contain('14:30 轮次：请对 大厅、卫生间');
  });
});

import { expect } from 'chai';
import { sweepResult } from '../../bot/sweep/result';
import { incidentDeadlines } from '../../jobs/incident-deadlines';
import { Hall, type TestPlatform } from '../support/hall';
import { deadlinesAt, hallWithGroups } from '../support/incident-hall';

const LEADERS_ENV = { WECOM_LEADER_WEBHOOK_KEY: 'leaders', DINGTALK_LEADER_CONVERSATION_ID: 'cid-leaders' };
const EVERYONE = ['lisi', 'sunqi', 'wangwu', 'zhangsan', 'zhaoliu', 'zhouba'];

async function at(hall: Hall, local: string, from: string, text: string) {
  hall.clock.set(local);
  return hall.send(from, text);
}

const slots = async (hall: Hall, name: string) =>
  (await hall.service.db.all<{ slot: string; temperature: unknown }>('SELECT r.slot, r.temperature FROM report r JOIN staff s ON s.id = r.staff_id WHERE s.name = ? ORDER BY r.id', [name])).map(
    (r) => `${r.slot} ${Number(r.temperature)}`,
  );

for (const platform of ['wecom', 'dingtalk'] as TestPlatform[]) {
  describe(`全员测温, the all-staff check (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await Hall.open({ platform, now: '2026-11-23T08:05:00+08:00', env: LEADERS_ENV });
    });
    afterEach(() => hall.close());

    it('asks everyone expected, records their answers as 加测 beside their 晨检, lists who is missing, and pushes the result when all have answered', async () => {
      await hall.send('zhangsan', '晨检 36.4');

      const start = await at(hall, '2026-11-23T09:00:00+08:00', 'wangwu', '全员测温');
      expect(start.reply).to.contain('已发起全员测温 #1').and.contain('已通知 6 人').and.contain('09:30');
      const asked = start.direct.filter((d) => d.text.includes('【全员测温】'));
      expect(asked.map((d) => d.to).sort()).to.deep.equal(EVERYONE);
      expect(asked[0].text).to.contain('加测').and.contain('不代替今天的晨检');

      const answer = await at(hall, '2026-11-23T09:02:00+08:00', 'zhangsan', '36.6');
      expect(answer.reply).to.contain('加测').and.contain('已计入全员测温 #1').and.not.contain('尚未上报');
      expect(await slots(hall, '张三')).to.deep.equal(['morning 36.4', 'extra 36.6']);

      const noMorning = await at(hall, '2026-11-23T09:03:00+08:00', 'zhaoliu', '36.5');
      expect(noMorning.reply).to.contain('已计入全员测温 #1').and.contain('今天的晨检尚未上报');
      expect((await hall.send('zhaoliu', '晨检 36.5')).reply).to.contain('晨检').and.not.contain('全员测温');
      expect(await slots(hall, '赵六')).to.deep.equal(['extra 36.5', 'morning 36.5']);

      const status = await hall.send('wangwu', '全员测温 状态');
      expect(status.reply).to.contain('已报 2/6 人').and.contain('张三 36.6℃').and.contain('未报 4 人');
      expect(status.reply).to.contain('李四（1号窗口）').and.contain('孙七（2号窗口）').and.contain('周八（2号窗口）').and.contain('王五（领导小组）');
      expect((await hall.send('wangwu', '今日统计')).reply).to.contain('合计：晨检 2/6').and.contain('全员测温 #1（进行中）：加测已报 2/6，未报：李四、孙七、周八、王五');
      expect((await hall.send('lisi', '今日统计')).reply).to.contain('全员测温 #1（进行中）：加测已报 2/3，未报：李四');
      expect((await hall.send('zhangsan', '我的记录')).reply).to.contain('晨检 36.4℃；加测 36.6℃');

      const again = await hall.send('wangwu', '全员测温');
      expect(again.reply).to.contain('已有全员测温在进行').and.contain('已报 2/6 人');
      expect(again.direct).to.deep.equal([]);
      expect((await hall.send('lisi', '全员测温')).reply).to.contain('「全员测温」不在窗口负责人可用的命令中');
      expect((await hall.send('zhangsan', '全员测温 状态')).reply).to.contain('不在工作人员可用的命令中');

      await hall.send('lisi', '36.5');
      expect((await hall.send('lisi', '更正 加测 36.3')).reply).to.contain('36.3');
      expect((await hall.send('wangwu', '全员测温 状态')).reply).to.contain('李四 36.3℃').and.not.contain('李四 36.5℃');
      const fever = await hall.send('sunqi', '加测 37.4');
      expect(fever.reply).to.contain('37.4').and.contain('已计入全员测温 #1');
      expect(fever.group.join()).to.contain('孙七');
      const before = await hall.send('zhouba', '36.7');
      expect(before.group.join()).to.not.contain('全员测温结果');

      const last = await hall.send('wangwu', '体温 36.3');
      const result = last.group.filter((t) => t.includes('【全员测温结果 #1】'));
      expect(result, last.group.join('\n---\n')).to.have.length(1);
      expect(result[0]).to.contain('已报 6/6 人，全员已报').and.contain('异常 1 人：孙七 37.4℃（预警，告警 #1）').and.not.contain('未报：');
      expect((await deadlinesAt(hall, '2026-11-23T09:35:00+08:00')).group).to.deep.equal([]);

      const after = await hall.send('wangwu', '全员测温 状态');
      expect(after.reply).to.contain('已于 09:03 汇总').and.contain('全员已报');
      expect((await hall.send('sunqi', '36.5')).reply).to.not.contain('全员测温');
      expect(await slots(hall, '孙七')).to.deep.equal(['extra 37.4', 'morning 36.5']);
    });

    it('pushes the result 30 minutes after the start with the names still missing, once', async () => {
      expect((await hall.send('wangwu', '全员测温 状态')).reply).to.contain('没有进行中的全员测温');
      await at(hall, '2026-11-23T10:00:00+08:00', 'wangwu', '全员测温');
      await at(hall, '2026-11-23T10:04:00+08:00', 'zhangsan', '36.5');
      await hall.send('zhouba', '36.6 绿码');

      expect((await deadlinesAt(hall, '2026-11-23T10:25:00+08:00')).group).to.deep.equal([]);
      const due = await deadlinesAt(hall, '2026-11-23T10:30:00+08:00');
      expect(due.result.outcome).to.equal('done');
      expect(due.group).to.have.length(1);
      expect(due.group[0]).to.contain('【全员测温结果 #1】').and.contain('已报 2/6 人，30 分钟内未报 4 人').and.contain('体温均正常');
      expect(due.group[0]).to.contain('未报：李四（1号窗口）、赵六（1号窗口）、孙七（2号窗口）、王五（领导小组）');
      expect((await deadlinesAt(hall, '2026-11-23T10:35:00+08:00')).group).to.deep.equal([]);

      expect((await at(hall, '2026-11-23T10:40:00+08:00', 'sunqi', '36.5')).reply).to.not.contain('全员测温');
      expect(await slots(hall, '孙七')).to.deep.equal(['morning 36.5']);
      const next = await hall.send('wangwu', '全员测温');
      expect(next.reply).to.contain('已发起全员测温 #2');
    });

    it('starts by itself once when an incident’s 排查 is reported, tied to the incident', async () => {
      await hall.close();
      hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' });
      await hall.send('zhangsan', '体温 38.2 咳嗽');

      const traced = await at(hall, '2026-11-23T08:40:00+08:00', 'lisi', '进展 1 排查 已排查同窗口人员');
      expect(traced.reply).to.contain('已记录 #1 4. 准确排查').and.contain('已自动发起全员测温 #1（应急 #1）').and.contain('通知 5 人');
      expect(traced.group.join()).to.contain('✅ 4. 准确排查').and.contain('已自动发起全员测温 #1');
      // 张三, whose fever the incident is about, is in isolation: not asked.
      expect(traced.direct.filter((d) => d.text.includes('【全员测温】（应急 #1）')).map((d) => d.to).sort()).to.deep.equal(EVERYONE.filter((u) => u !== 'zhangsan'));

      await at(hall, '2026-11-23T08:45:00+08:00', 'zhaoliu', '36.5');
      const due = await deadlinesAt(hall, '2026-11-23T09:10:00+08:00');
      expect(due.group.find((t) => t.includes('【全员测温结果 #1】'))).to.contain('（应急 #1）').and.contain('已报 1/5 人');
      const result = await sweepResult(hall.service.db, 1);
      expect(result).to.include({ incidentId: 1, asked: 5, outcome: 'timeout' });
      expect(result!.answered.map((a) => `${a.name} ${a.temperature}`)).to.deep.equal(['赵六 36.5']);
      expect(result!.missing.map((m) => m.name)).to.not.include('张三');
      expect(await hall.count('sweep', 'incident_id = 1')).to.equal(1);
      expect((await hall.send('wangwu', '应急 1')).reply).to.contain('全员测温 #1：已报 1/5，未报 4 人');

      expect((await hall.send('wangwu', '全员测温 9')).reply).to.contain('没有 9 号应急事件');
      expect((await hall.send('wangwu', '全员测温 快点')).reply).to.contain('用法：全员测温');
      expect(await hall.count('sweep')).to.equal(1);
    });

    it('counts a running 全员测温 for an incident whose 排查 starts meanwhile instead of asking twice', async () => {
      await hall.close();
      hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' });
      await hall.send('zhangsan', '体温 38.2');
      await at(hall, '2026-11-23T08:30:00+08:00', 'wangwu', '全员测温');
      const traced = await at(hall, '2026-11-23T08:40:00+08:00', 'lisi', '进展 1 排查 完成');
      expect(traced.reply).to.contain('正在进行的全员测温 #1 计入应急 #1');
      expect(traced.direct.filter((d) => d.text.includes('【全员测温】'))).to.deep.equal([]);
      expect(await hall.count('sweep', 'incident_id = 1')).to.equal(1);
    });

    it('runs a drill’s 全员测温 marked 【演练】 with drill readings only, beside a real one that comes first', async () => {
      await hall.close();
      hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' });
      await hall.send('wangwu', '演练 开始 1号窗口');
      const traced = await at(hall, '2026-11-23T08:30:00+08:00', 'lisi', '进展 1 排查 演练排查');
      expect(traced.reply).to.match(/^【演练】/).and.contain('已自动发起全员测温 #1（应急 #1）');
      const asked = traced.direct.filter((d) => d.text.includes('【全员测温】'));
      expect(asked.map((d) => d.to).sort()).to.deep.equal(EVERYONE);
      expect(asked.every((d) => d.text.startsWith('【演练】'))).to.equal(true);

      expect((await at(hall, '2026-11-23T08:31:00+08:00', 'wangwu', '全员测温')).reply).to.contain('已发起全员测温 #2');
      const real = await hall.send('zhangsan', '36.5');
      expect(real.reply).to.contain('已计入全员测温 #2（加测）');
      const drill = await hall.send('zhangsan', '36.6');
      expect(drill.reply).to.contain('已记录应急演练 #1 的测温').and.contain('【演练】已计入全员测温 #1');
      expect(await slots(hall, '张三')).to.deep.equal(['extra 36.5']);
      const stats = (await hall.send('wangwu', '今日统计')).reply;
      expect(stats).to.contain('全员测温 #2（进行中）：加测已报 1/6').and.not.contain('全员测温 #1');

      const due = await deadlinesAt(hall, '2026-11-23T09:05:00+08:00');
      expect(due.group.find((t) => t.includes('【全员测温结果 #1】'))).to.match(/^【演练】/).and.contain('（应急 #1）').and.contain('已报 1/6 人');
      expect(due.group.find((t) => t.includes('【全员测温结果 #2】'))).to.contain('已报 1/6 人').and.not.contain('演练');
      expect((await sweepResult(hall.service.db, 1))!.answered).to.deep.include({ staffId: 1, name: '张三', window: '1号窗口', temperature: 36.6, status: null, at: '2026-11-23T00:31:00.000Z', alertId: null });
    });

    it('counts 演练 36.5, as the bot asks contacts to answer, for the drill’s 全员测温 — from a contact and from anyone it asked', async () => {
      await hall.close();
      hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' });
      await hall.send('lisi', '排班 11月23日 赵六');
      await hall.send('wangwu', '演练 开始 1号窗口');
      await hall.send('zhouba', '密接 1 确认 赵六');
      await at(hall, '2026-11-23T08:30:00+08:00', 'lisi', '进展 1 排查 演练排查');

      const contact = await hall.send('zhaoliu', '演练 36.5');
      expect(contact.reply).to.contain('已记录应急演练 #1 的测温：36.5℃').and.contain('【演练】已计入全员测温 #1');
      const asked = await hall.send('sunqi', '演练 36.7 绿码');
      expect(asked.reply).to.contain('已记录应急演练 #1 的测温：36.7℃').and.contain('已计入全员测温 #1');

      const status = (await hall.send('wangwu', '全员测温 状态')).reply!;
      expect(status).to.contain('【全员测温 #1】').and.contain('赵六 36.5℃').and.contain('孙七 36.7℃');
      expect(/未报[^\n]*/.exec(status)?.[0]).to.not.contain('赵六').and.not.contain('孙七');
      expect(await hall.count('report')).to.equal(0);
    });
  });
}

describe('全员测温 on two instances sharing one database', () => {
  it('starts one 全员测温 when two leaders’ messages race, and pushes its result once when both instances fire the job', async () => {
    const hall = await Hall.open({ now: '2026-11-23T10:00:00+08:00', env: LEADERS_ENV });
    const second = await Hall.open({ now: '2026-11-23T10:00:00+08:00', env: LEADERS_ENV, shareDatabaseWith: hall });
    try {
      const starts = await Promise.all([hall.send('wangwu', '全员测温', 'race-1'), second.send('wangwu', '全员测温', 'race-2')]);
      expect(starts.map((s) => (s.reply!.includes('已发起全员测温 #') ? 'started' : s.reply!.includes('已有全员测温在进行') ? 'running' : s.reply)).sort()).to.deep.equal(['running', 'started']);
      expect(await hall.count('sweep')).to.equal(1);
      expect(await hall.count('outbox', "body LIKE '%【全员测温】%'")).to.equal(6);

      const at = new Date('2026-11-23T10:30:00+08:00');
      const fired = await Promise.all([hall, second].map((h) => h.service.jobs.runner.fire(incidentDeadlines, at, { trigger: 'scheduler' })));
      expect(fired.map((r) => r.outcome).sort()).to.deep.equal(['already-fired', 'done']);
      await Promise.all([hall.deliver(), second.deliver()]);
      const results = [...hall.fake.groupTexts(), ...second.fake.groupTexts()].filter((t) => t.includes('【全员测温结果 #1】'));
      expect(results).to.have.length(1);
      expect(results[0]).to.contain('已报 0/6 人');
    } finally {
      await second.close();
      await hall.close();
    }
  });
});

describe('全员测温 on a holiday', () => {
  it('asks and sends its result on National Day as on any day, without asking for a 晨检 nobody owes', async () => {
    const hall = await Hall.open({ now: '2026-10-01T09:00:00+08:00', env: LEADERS_ENV });
    try {
      expect((await hall.send('wangwu', '全员测温')).reply).to.contain('已通知 6 人');
      const answer = await hall.send('zhangsan', '36.5');
      expect(answer.reply).to.contain('已计入全员测温 #1').and.not.contain('尚未上报');
      const due = await deadlinesAt(hall, '2026-10-01T09:30:00+08:00');
      expect(due.result.outcome).to.equal('done');
      expect(due.group.join()).to.contain('【全员测温结果 #1】').and.contain('已报 1/6 人');
    } finally {
      await hall.close();
    }
  });
});

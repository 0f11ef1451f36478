import { expect } from 'chai';
import { reportDocument } from '../../bot/incidents/report/document';
import { incidentFacts } from '../../bot/incidents/report/facts';
import { contactReadings } from '../../jobs/contact-readings';
import { dailyBrief } from '../../jobs/daily-brief';
import { signedIn, testIdText } from '../support/dashboard';
import { readDocx } from '../support/docx';
import { PLATFORMS, type Hall, type TestPlatform } from '../support/hall';
import { deadlinesAt, hallWithGroups } from '../support/incident-hall';

/**
 * One incident from the first fever to 结案, everything by chat (SPEC §11):
 * the checklist pushed, each step reported by its owners, an overdue step
 * reminded, a contact confirmed and asked again the next day, the 全员测温
 * that 排查 starts answered by everyone, and the close with every step done —
 * after which no place shows its alert as open (chat, 今日统计, dashboard, brief,
 * report). On a workday on each platform, and on National Day: emergencies do
 * not wait.
 */
const CASES: { platform: TestPlatform; day: string; next: string; what: string }[] = [
  ...PLATFORMS.map((platform) => ({ platform, day: '2026-11-23', next: '2026-11-24', what: `a workday (${platform})` })),
  { platform: 'wecom', day: '2026-10-01', next: '2026-10-02', what: 'National Day' },
  { platform: 'dingtalk', day: '2026-10-01', next: '2026-10-02', what: 'National Day (dingtalk)' },
];

for (const { platform, day, next, what } of CASES) {
  describe(`a whole incident, from the fever to 结案, on ${what}`, function () {
    // After 结案 it fires the daily brief, whose chart loads ECharts and a CJK font the first time.
    this.timeout(30_000);
    let hall: Hall;
    beforeEach(async () => {
      hall = await hallWithGroups({ platform, now: `${day}T08:05:00+08:00` });
    });
    afterEach(() => hall.close());

    const at = (date: string, time: string, who: string, text: string) => {
      hall.clock.set(`${date}T${time}:00+08:00`);
      return hall.send(who, text);
    };

    it('runs the seven steps by chat with the contacts, the 全员测温 and the reminders, and closes with every step done', async () => {
      const fever = await at(day, '08:05', 'zhangsan', '体温 38.2 咳嗽');
      expect(fever.group.join('\n')).to.contain('【应急处置 #1】').and.contain('✅ 1. 及时报告').and.contain('⬜ 2. 迅速隔离 — 应急处置组 — 08:20 前');
      expect(fever.direct.filter((d) => d.text.includes('应急处置组负责')).map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);

      expect((await at(day, '08:12', 'lisi', '进展 1 隔离 已送隔离室')).reply).to.contain('已记录 #1 2. 迅速隔离');
      expect((await at(day, '08:40', 'zhouba', '送医 1 已联系120送发热门诊')).reply).to.contain('已记录 #1 3. 定点送医');

      const confirmed = await at(day, '08:50', 'zhouba', '密接 1 确认 赵六');
      expect(confirmed.reply).to.contain('已确认 #1 密接：赵六');
      expect(confirmed.direct.find((d) => d.to === 'zhaoliu')?.text).to.contain('请立即测量体温');

      const traced = await at(day, '09:00', 'lisi', '进展 1 排查 已排查同窗口人员');
      expect(traced.reply).to.contain('已记录 #1 4. 准确排查').and.contain('已自动发起全员测温 #1');
      const asked = traced.direct.filter((d) => d.text.includes('【全员测温】')).map((d) => d.to);
      expect(asked.sort()).to.deep.equal(['lisi', 'sunqi', 'wangwu', 'zhaoliu', 'zhouba']);

      const answers: string[] = [];
      for (const [i, who] of asked.entries()) {
        const answer = await at(day, `09:0${i + 1}`, who, `36.${4 + i}`);
        expect(answer.reply, who).to.contain('已计入全员测温 #1');
        answers.push(...answer.group);
      }
      const result = answers.find((t) => t.includes('【全员测温结果 #1】'));
      expect(result, answers.join('\n---\n')).to.contain('已报 5/5 人');

      const late = await deadlinesAt(hall, `${day}T10:10:00+08:00`);
      expect(late.direct.find((d) => d.to === 'wangwu')?.text).to.contain('5. 如实上报').and.contain('已超时 5分钟');
      expect(late.group.join('\n')).to.contain('6. 消杀消毒');

      expect((await at(day, '10:20', 'wangwu', '进展 1 上报 已报市指挥部和疾控中心')).reply).to.contain('已记录 #1 5. 如实上报');
      expect((await at(day, '10:30', 'wangwu', '消杀 1 隔离室及其行经区域已消毒')).reply).to.contain('已记录 #1 6. 消杀消毒');
      expect((await at(day, '10:40', 'wangwu', '进展 1 善后 统一对外口径，不接受采访')).reply).to.contain('已记录 #1 7. 组织善后');

      const checklist = (await at(day, '10:45', 'wangwu', '应急 1')).reply;
      for (const step of ['2. 迅速隔离', '3. 定点送医', '4. 准确排查', '5. 如实上报', '6. 消杀消毒', '7. 组织善后']) expect(checklist).to.contain(`✅ ${step}`);
      expect(checklist).to.contain('赵六').and.contain('全员测温 #1');

      hall.clock.set(`${next}T08:00:00+08:00`);
      const mark = hall.mark();
      expect((await hall.service.jobs.runner.fire(contactReadings, hall.clock.now(), { trigger: 'scheduler' })).outcome).to.equal('done');
      await hall.deliver();
      const nudged = hall.deliveredSince(mark).direct.filter((d) => d.text.includes('【密接观察】'));
      expect(nudged.map((d) => d.to)).to.deep.equal(['zhaoliu']);
      expect(nudged[0].text).to.contain('#1').and.contain('观察期第 2/');

      const closed = await at(next, '09:00', 'wangwu', '结案 1 排除感染，解除隔离');
      expect(closed.reply).to.contain('【应急 #1 结案】王五：排除感染').and.contain('七个步骤均已完成').and.contain('告警 #1 随结案标记为已处置');
      expect(closed.group.join('\n')).to.contain('【应急 #1 结案】');
      expect(await hall.count('incident', "status = 'open'")).to.equal(0);
      expect((await deadlinesAt(hall, `${next}T12:00:00+08:00`)).direct).to.deep.equal([]);
      await everyPlaceShowsTheAlertSettled(next);
    });

    /** Issue 22 item 1, one state: after 结案 the chat, 今日统计, the dashboard, the brief and the report all show alert #1 handled by the closing. */
    async function everyPlaceShowsTheAlertSettled(date: string): Promise<void> {
      const again = await at(date, '09:05', 'wangwu', '处置 1 已送医');
      expect(again.reply, 'chat: 处置 says who settled it').to.contain('告警 #1 已由 王五').and.contain('排除感染').and.contain('解除隔离');
      expect(again.group).to.deep.equal([]);

      const stats = (await at(date, '09:06', 'wangwu', '今日统计')).reply!;
      expect(stats).to.contain('未处置告警：无').and.contain('应急处置：无进行中的应急处置').and.contain('今日结案：#1');
      expect(stats).to.not.contain('#1 张三').and.not.contain('有未处置的告警');

      const { page } = await signedIn(hall, 'wangwu');
      expect(testIdText(page, 'kpi-alerts')).to.equal('未处置告警 0');
      expect(page).to.not.match(/<li class="alert critical" data-alert="1">/);
      expect(/<li class="alert handled" data-alert="1">[\s\S]*?<\/li>/.exec(page)?.[0], 'lately handled, by the closing').to.contain('王五').and.contain('排除感染').and.contain('解除隔离');
      expect(testIdText(page, 'incidents')).to.contain('近 7 天已结案').and.contain('#1 张三（1号窗口）');

      const mark = hall.mark();
      await hall.service.jobs.runner.fire(dailyBrief, new Date(`${date}T17:30:00+08:00`), { trigger: 'scheduler', force: true });
      await hall.deliver();
      const brief = hall.deliveredSince(mark).group.find((t) => t.includes('【每日研判简报】'))!;
      expect(brief).to.contain('无进行中的应急处置').and.contain('今日结案：#1').and.not.contain('未处置告警共').and.not.contain('处置 1 处置情况');

      const facts = (await incidentFacts(hall.service.db, 1, hall.clock.now(), 'Asia/Shanghai'))!;
      const { text } = await readDocx(await reportDocument(facts, 'Asia/Shanghai'));
      expect(text).to.match(/告警处置\s+随结案处置（王五 \d{4}-\d{2}-\d{2} 09:00）/).and.match(/当前状态\s+已结案/);
      expect(text).to.not.contain('未处置');
      expect(await hall.count('alert', "status = 'open'")).to.equal(0);
    }
  });
}

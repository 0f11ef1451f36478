import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTrendChart } from '../../bot/brief/chart';
import { chartData } from '../../bot/brief/compose';
import { CHART_PROVIDERS } from '../../bot/brief/sections';
import { dashboardData } from '../../bot/dashboard/data';
import { importGroups } from '../../bot/groups/import';
import { localTime } from '../../bot/time';
import { dailyBrief } from '../../jobs/daily-brief';
import { signedIn, testIdText, trendPoint } from '../support/dashboard';
import { DOOR_PEOPLE } from '../support/door';
import { Hall, type TestPlatform } from '../support/hall';
import { HALL_NAME } from '../support/incident-hall';
import { pngSize } from '../support/png';

const GROUPS = 'group,name\n应急处置组,李四\n应急处置组,周八\n综合协调组,王五\n消毒防疫组,王五\n';

/**
 * Issue 22 item 6 (STYLE.md "Figures come from one function each"): the
 * daily brief's text, its chart, the dashboard and 今日统计 say the same
 * reported/expected per slot, open alerts (staff and visitors alike) and
 * incidents, on a day with re-tests, a 全员测温 (加测), a visitor's alert and
 * an incident opened and closed.
 */
async function aDay(hall: Hall): Promise<void> {
  const at = async (time: string, who: string, text: string) => {
    hall.clock.set(`2026-11-23T${time}:00+08:00`);
    return (await hall.send(who, text)).reply ?? '';
  };
  // Friday: a 晨检 with a re-test, so that the chart has a day before.
  hall.clock.set('2026-11-20T08:00:00+08:00');
  await hall.send('zhangsan', '晨检 36.5');
  await hall.send('zhangsan', '晨检 36.7');
  await hall.send('lisi', '晨检 36.6');

  await at('07:55', 'zhangsan', '晨检 36.5');
  expect(await at('08:00', 'zhangsan', '36.6')).to.contain('复测');
  expect(await at('08:02', 'zhaoliu', '晨检 37.4')).to.contain('告警 #1');
  expect(await at('08:10', 'zhaoliu', '36.8')).to.contain('复测');
  await at('08:15', 'wangwu', '处置 1 复测正常，继续观察');
  expect(await at('08:20', 'sunqi', '晨检 38.6')).to.contain('告警 #2');
  await at('08:25', 'lisi', '晨检 36.4');
  expect(await at('08:40', 'qianmw', '登记 陈病 13800001003 37.4 办理 2号窗口')).to.contain('告警 #3');
  expect(await at('09:00', 'lisi', '进展 2 排查 已排查同窗口人员')).to.contain('全员测温');
  for (const [who, reading] of [['zhangsan', '36.5'], ['zhouba', '36.7'], ['wangwu', '36.4']]) expect(await at('09:05', who, reading)).to.contain('已计入全员测温');
  expect(await at('10:00', 'wangwu', '结案 2 核酸阴性，排除感染')).to.contain('告警 #2 随结案标记为已处置');
  await at('12:10', 'zhangsan', '午检 36.5');
  await at('12:12', 'zhouba', '午检 36.6');
  await at('12:15', 'zhouba', '午检 36.9');
}

/** `晨检 4/7，午检 2/7，离岗 0/7` after a label, as numbers. */
function slotFigures(text: string, label: string): { morning: [number, number]; midday: [number, number]; leave: [number, number] } {
  const m = new RegExp(`${label}晨检 (\\d+)/(\\d+)，午检 (\\d+)/(\\d+)，离岗 (\\d+)/(\\d+)`).exec(text);
  expect(m, `${label}… in:\n${text}`).to.not.equal(null);
  const n = m!.slice(1).map(Number);
  return { morning: [n[0], n[1]], midday: [n[2], n[3]], leave: [n[4], n[5]] };
}

for (const platform of ['wecom', 'dingtalk'] as TestPlatform[]) {
  describe(`one definition of the day’s figures: brief, chart, dashboard, 今日统计 (${platform})`, function () {
    // The brief draws its chart (ECharts, then resvg with a CJK font).
    this.timeout(30_000);
    let hall: Hall;
    beforeEach(async () => {
      hall = await Hall.open({ platform, people: DOOR_PEOPLE, now: '2026-11-20T07:00:00+08:00', env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders', DINGTALK_LEADER_CONVERSATION_ID: 'cid-leaders', HALL_NAME } });
      await importGroups(hall.service.db, GROUPS, { now: hall.clock.now() });
    });
    afterEach(() => hall.close());

    it('says the same reported/expected, alerts and incidents in the brief’s text and chart, the dashboard and 今日统计', async () => {
      await aDay(hall);
      hall.clock.set('2026-11-23T17:30:00+08:00');
      const now = hall.clock.now();

      const mark = hall.mark();
      await hall.service.jobs.runner.fire(dailyBrief, now, { trigger: 'scheduler' });
      await hall.deliver();
      const brief = hall.deliveredSince(mark).group.find((t) => t.includes('【每日研判简报】'))!;
      const stats = (await hall.send('wangwu', '今日统计')).reply!;
      const data = await dashboardData(hall.service.db, hall.service.services, now, { window: null, outbox: true });
      const { page } = await signedIn(hall, 'wangwu');
      const services = hall.service.services;
      const chart = await chartData({ sql: hall.service.db, services, now, local: localTime(now, 'Asia/Shanghai'), people: await services.directory.active() }, CHART_PROVIDERS);
      const series = Object.fromEntries(chart.series.map((s) => [s.name, s.values.at(-1)]));

      // The unit heads the brief and the dashboard (HALL_NAME, SPEC §7).
      expect(brief.startsWith(`【每日研判简报】${HALL_NAME} 11月23日（周一） 17:30`), brief.slice(0, 40)).to.equal(true);
      expect(testIdText(page, 'hall-name')).to.equal(HALL_NAME);
      expect(page).to.contain(`<title>${HALL_NAME}防疫看板 · 全大厅</title>`);

      // Reported / expected: re-tests and 加测 count nobody twice.
      const inBrief = slotFigures(brief, '全大厅：');
      expect(inBrief).to.deep.equal({ morning: [4, 7], midday: [2, 7], leave: [0, 7] });
      expect(slotFigures(stats, '合计：')).to.deep.equal(inBrief);
      expect(data.totals).to.deep.equal({ expected: 7, reported: { morning: 4, midday: 2, leave: 0 } });
      expect(testIdText(page, 'kpi-morning')).to.equal('晨检已报 4/7');
      expect(series['晨检已报（人）'], 'the chart’s bar is the text’s 晨检 figure').to.equal(inBrief.morning[0]);
      expect(series['应报（人）']).to.equal(inBrief.morning[1]);
      expect(trendPoint(page, '11-23')).to.deep.equal({ '晨检已报（人）': 4, '应报（人）': 7, '异常（次）': 3 });
      expect(Object.fromEntries(chart.series.map((s) => [s.name, s.values[chart.dates.indexOf('2026-11-20')]]))).to.include({ '晨检已报（人）': 2, '异常（次）': 0 });

      // Alerts: the visitor's counts like a staff member's; the closed incident's is handled.
      expect(brief).to.contain('今日异常 3 次（其中访客 1 次）：已处置 2，待处置 1').and.contain('未处置告警共 1 条');
      expect(brief).to.match(/#2 孙七（2号窗口）08:20 .*已处置（王五：核酸阴性/);
      expect(series['异常（次）'], 'the chart’s anomalies are the text’s').to.equal(3);
      expect(stats).to.contain('未处置告警 1 条：#3 访客 陈病（138****1003） 体温 37.4℃');
      expect(data.openAlerts.map((a) => a.id)).to.deep.equal([3]);
      expect(testIdText(page, 'kpi-alerts')).to.equal('未处置告警 1');

      // Incidents: none open, #2 closed today, wherever they are counted.
      expect(brief).to.contain('无进行中的应急处置').and.contain('今日结案：#2');
      expect(stats).to.contain('应急处置：无进行中的应急处置').and.contain('今日结案：#2');
      expect(data.incidents?.open).to.deep.equal([]);
      expect(data.incidents?.closed.map((c) => c.id)).to.deep.equal([2]);

      // The door: one check, as the brief's door section says.
      expect(brief).to.contain('今日登记访客 1 人次，异常 1 人次');
      expect(series['门岗检查（人次）']).to.equal(1);

      // The chart for a person to look at (issue 22's closing note).
      const png = await renderTrendChart({ title: '近 14 天防疫数据走势（截至 11月23日（周一））', ...chart });
      expect(pngSize(png)).to.deep.equal({ width: 1000, height: 560 });
      mkdirSync('test-output', { recursive: true });
      writeFileSync(join('test-output', `brief-chart-${platform}.png`), png);
    });

    it('counts an area logged at 00:27 for the 08:00 round in 消杀状态, the brief and the dashboard alike', async () => {
      hall.clock.set('2026-11-23T00:27:00+08:00');
      expect((await hall.send('wangwu', '消杀 网办区 完成')).reply).to.contain('08:00 轮次');
      hall.clock.set('2026-11-23T00:30:00+08:00');
      const status = (await hall.send('wangwu', '消杀状态')).reply!;
      expect(status).to.contain('08:00 轮次：已完成 1/5').and.contain('12:00 轮次：未开始');
      const mark = hall.mark();
      await hall.service.jobs.runner.fire(dailyBrief, hall.clock.now(), { trigger: 'scheduler', force: true });
      await hall.deliver();
      const brief = hall.deliveredSince(mark).group.find((t) => t.includes('【每日研判简报】'))!;
      expect(brief).to.contain('08:00 轮：已完成 1/5，进行中，尚未登记：公共区域、税务区、休息区、自助服务区').and.not.contain('12:00 轮');
      const { page } = await signedIn(hall, 'wangwu');
      expect(testIdText(page, 'disinfection')).to.contain('08:00 1/5').and.contain('12:00 未开始');
    });
  });
}

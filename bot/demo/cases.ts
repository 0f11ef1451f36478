import { CAST } from './hall';
import { aboutCase, alertOf, asked, openDrillNumber, proposedContacts } from './lookups';
import { workdayBack, type DemoPlan } from './plan';
import { says, type DemoEvent } from './timeline';
import { WEEK_CASE, weekCaseDay } from './week';

/**
 * The week's emergency, from 吴昊's fever to 结案: every step reported by its
 * owner group within its due time, contacts confirmed and the others
 * excluded, the 全员测温 answered by everyone, and the report upward ready
 * to download.
 */
export function weekCaseEvents(plan: DemoPlan): DemoEvent[] {
  const date = workdayBack(plan, weekCaseDay(plan));
  if (!date) return [];
  const t = (minutes: number) => plan.at(date, WEEK_CASE.minute + minutes);
  const n = (text: string) => aboutCase((sql) => alertOf(sql, WEEK_CASE.name, date), text);
  const lead = '赵磊';
  const events = [
    says(t(9), lead, n('进展 {n} 隔离 已带至临时隔离室，佩戴N95口罩，专人看护')),
    says(t(31), lead, n('进展 {n} 送医 已由120救护车送市定点医院发热门诊')),
    says(t(45), CAST.coordinator, n('进展 {n} 上报 已电话报告区疾控中心，书面信息已报送')),
    says(t(55), lead, n('密接 {n} 确认 周婷 徐丽')),
    says(t(58), lead, async (sql) => {
      const id = await alertOf(sql, WEEK_CASE.name, date);
      const others = id === null ? [] : await proposedContacts(sql, id);
      return others.length ? `密接 ${id} 排除 ${others.join(' ')}` : null;
    }),
    says(t(62), '周婷', '体温 36.5'),
    says(t(64), '徐丽', '体温 36.4'),
    says(t(70), lead, n('进展 {n} 排查 已排查同窗口人员及当日来访人员，确认密接 2 人')),
    // The 全员测温 the 排查 started: everyone asked answers within half an hour.
    ...[...plan.people.values()].map((p, i) => says(t(74 + i), p.name, async (sql) => ((await asked(sql, p.name)) ? `${(36.2 + (i % 5) / 10).toFixed(1)}` : null))),
    says(t(100), CAST.disinfector, n('消杀 {n} 隔离室、2号窗口及公共区域已终末消毒')),
    says(t(300), CAST.coordinator, n('进展 {n} 善后 已安排窗口人员顶岗，联系家属并做好解释')),
    says(t(330), CAST.leaders[0], n('结案 {n} 核酸检测阴性，排除新冠感染；密接人员按期观察')),
  ];
  return events;
}

/**
 * A drill in 3号窗口 on the day before the latest workday, scored at its end:
 * most steps on time, 排查 and 善后 left undone, as drills go.
 */
export function drillEvents(plan: DemoPlan): DemoEvent[] {
  const date = workdayBack(plan, 1);
  if (!date) return [];
  const t = (minutes: number) => plan.at(date, 15 * 60 + minutes);
  const n = (text: string) => aboutCase(openDrillNumber, text);
  return [
    says(t(0), CAST.leaders[0], '演练 开始 3号窗口'),
    says(t(6), '孙伟', n('进展 {n} 隔离 已引导“发热人员”至临时隔离室')),
    says(t(25), CAST.coordinator, n('进展 {n} 上报 已模拟电话报告区疾控')),
    says(t(48), '孙伟', n('进展 {n} 送医 已联系120（模拟），交接完成')),
    says(t(70), CAST.disinfector, n('消杀 {n} 3号窗口已模拟终末消毒')),
    says(t(90), CAST.leaders[0], '演练 结束'),
  ];
}

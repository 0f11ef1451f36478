import { minutesOf, roundAt } from '../disinfection/plan';
import { CAST } from './hall';
import { aboutCase, alertOf } from './lookups';
import type { DemoPlan } from './plan';
import { says, type DemoEvent } from './timeline';

/**
 * What happened today in the last hours before `now`, whatever the hour: the
 * door's visitors (one with a fever, one without a code), today's
 * disinfection rounds partly done (once one has begun), a supply falling below its threshold, and
 * an emergency opened within the hour — isolated and reported upward, a
 * contact confirmed and already answering, the rest of its steps still due.
 */
export function todayEvents(plan: DemoPlan, rounds: string[], areas: string[]): DemoEvent[] {
  return [...door(plan), ...disinfection(plan, rounds, areas), ...supplies(plan), ...emergency(plan)];
}

const VISITORS: [minutesAgo: number, guard: number, text: string][] = [
  [200, 0, '登记 李建华 13912340001 住址 幸福小区 行程 无 窗口 1号窗口 36.4 绿码'],
  [170, 0, '登记 王秀英 13912340002 住址 东湖街道 窗口 3号窗口 36.6 绿码'],
  [140, 1, '登记 张伟 13912340003 行程 本市 窗口 2号窗口 36.5 绿码'],
  [110, 1, '登记 陈丽 13912340004 住址 城南新村 行程 外省返回 窗口 1号窗口 37.4 绿码'],
  [75, 0, '登记 刘强 13912340005 窗口 3号窗口 36.3 无码'],
  [50, 1, '登记 赵敏 13912340006 住址 幸福小区 窗口 2号窗口 36.5 绿码'],
];

function door(plan: DemoPlan): DemoEvent[] {
  return VISITORS.map(([ago, guard, text]) => says(plan.ago(ago), CAST.guards[guard], text));
}

/**
 * Once today's first round has begun: every round before the current one
 * logged whole, and the current one three areas so far, between its start and
 * now. Before it, the rounds are all still to come.
 */
function disinfection(plan: DemoPlan, rounds: string[], areas: string[]): DemoEvent[] {
  const now = plan.now.getTime();
  const sinceMidnight = Math.floor((now - plan.at(plan.today, 0).getTime()) / 60_000);
  const current = roundAt(rounds, sinceMidnight);
  if (minutesOf(current) > sinceMidnight) return [];
  const whole = rounds.filter((r) => minutesOf(r) < minutesOf(current)).map((r) => says(plan.at(plan.today, minutesOf(r) + 10), CAST.disinfector, '消杀 全部'));
  const from = plan.at(plan.today, minutesOf(current)).getTime();
  const logged = areas.slice(0, 3).map((area, i) => says(new Date(from + ((now - from) * (i + 1)) / 4), CAST.disinfector, `消杀 ${area} 完成`));
  return [...whole, ...logged];
}

function supplies(plan: DemoPlan): DemoEvent[] {
  return [says(plan.ago(160), CAST.storekeeper, '领用 口罩 150'), says(plan.ago(130), CAST.storekeeper, '领用 酒精棉球 12包')];
}

function emergency(plan: DemoPlan): DemoEvent[] {
  const name = '周婷';
  const n = (text: string) => aboutCase((sql) => alertOf(sql, name, plan.today), text);
  return [
    says(plan.ago(38), name, '体温 37.9 乏力'),
    says(plan.ago(33), '赵磊', n('进展 {n} 隔离 已带至临时隔离室，佩戴N95口罩')),
    says(plan.ago(26), CAST.coordinator, n('进展 {n} 上报 已电话报告区疾控')),
    says(plan.ago(20), '赵磊', n('密接 {n} 确认 徐丽')),
    says(plan.ago(14), '徐丽', '体温 36.6'),
  ];
}

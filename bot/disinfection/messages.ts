import { dateLabel, monthDay } from '../text';
import { localClock } from '../time';
import { areaWithAliases } from './areas';
import type { DisinfectionPlan } from './plan';
import type { AreaLog, RoundView } from './rounds';

/** The hall's areas as a list shows them, with the other names each answers to. */
const areaList = (plan: Pick<DisinfectionPlan, 'areas' | 'aliases'>) => plan.areas.map((a) => areaWithAliases(plan, a)).join('、');

const HIGH_TOUCH = '自助机、电梯按钮、门把手、水龙头、扶手';

/** `张三 08:12：喷洒消毒液` (the note left out when it only says 完成). */
function byLine(log: AreaLog, timezone: string): string {
  const note = log.note && log.note !== '完成' ? `：${log.note}` : '';
  return `${log.by} ${localClock(new Date(log.at), timezone)}${note}`;
}

/** The sentences of the disinfection rounds (SPEC §13). */
export const disinfectionMessages = {
  reminder: (a: { date: string; round: string; areas: string[]; toLeaders: boolean }) =>
    [
      `【消杀提醒】${monthDay(a.date)} ${a.round} 轮次：请对 ${a.areas.join('、')} 进行消杀，重点擦拭${HIGH_TOUCH}等高频接触部位。`,
      `完成后回复：消杀 ${a.areas[0]} 完成（全部完成：消杀 全部）`,
      ...(a.toLeaders ? ['（消毒防疫组暂无成员，请领导小组安排。）'] : []),
    ].join('\n'),

  missed: (a: { date: string; round: string; missing: string[]; total: number; at: string }) =>
    `【消杀未完成】${monthDay(a.date)} ${a.round} 轮次，截至 ${a.at} 未登记：${a.missing.join('、')}（已完成 ${a.total - a.missing.length}/${a.total}）。请督促消毒防疫组。`,

  logged: (a: { areas: string[]; round: string; at: string; left: string[] }) =>
    `已登记消杀：${a.areas.join('、')}（${a.round} 轮次，${a.at}）。${a.left.length ? `本轮还差：${a.left.join('、')}。` : '本轮各区域已全部完成。'}`,

  loggedAdHoc: (a: { area: string; note: string; at: string; plan: Pick<DisinfectionPlan, 'areas' | 'aliases'> }) =>
    `已登记临时消杀：${a.area} — ${a.note}（${a.at}）。「${a.area}」不是例行消杀区域，不计入本轮；例行区域为 ${areaList(a.plan)}。`,

  whichArea: (word: string, areas: string[]) =>
    `「${word}」对应多个消杀区域：${areas.join('、')}，未登记。请写明是哪一个，如：消杀 ${areas[0]} 完成`,

  alreadyLogged: (area: string, round: string, log: AreaLog, timezone: string) => `${area} 本轮（${round}）已由 ${byLine(log, timezone)} 登记，无需重复。`,

  allAlready: (round: string) => `本轮（${round}）各区域均已登记，无需重复。`,

  usage: (plan: Pick<DisinfectionPlan, 'areas' | 'aliases'>) =>
    `用法：消杀 ${plan.areas[0]} 完成；消杀 全部；临时消杀写明情况：消杀 会议室 第三会议室会后消毒；查看：消杀状态。\n区域：${areaList(plan)}`,

  notArea: (word: string, plan: Pick<DisinfectionPlan, 'areas' | 'aliases'>) =>
    `「${word}」不是例行消杀区域（${areaList(plan)}）。临时消杀请写明情况，如：消杀 会议室 第三会议室会后消毒`,

  notAllowed: () => '消杀登记由消毒防疫组成员或领导小组成员进行；您不在消毒防疫组，如需登记请联系组长。',

  status: (a: { date: string; workday: boolean; rounds: RoundView[]; begun: RoundView[]; timezone: string }) => {
    const lines = [`【消杀状态】${dateLabel(a.date)}${a.workday ? '' : '（非工作日）'}`];
    for (const r of a.rounds) {
      if (!a.begun.includes(r)) {
        lines.push(`${r.round} 轮次：未开始`);
        continue;
      }
      lines.push(`${r.round} 轮次：已完成 ${r.done.length}/${r.done.length + r.missing.length}`);
      for (const d of r.done) lines.push(`  ✅ ${d.area} — ${byLine(d, a.timezone)}`);
      if (r.missing.length) lines.push(`  ⬜ 未登记：${r.missing.join('、')}`);
      for (const d of r.adHoc) lines.push(`  ➕ 临时 ${d.area} — ${byLine(d, a.timezone)}`);
    }
    return lines.join('\n');
  },
};

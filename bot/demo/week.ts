import type { DailySlot } from '../../entities';
import { minutesOf } from '../disinfection/plan';
import { setThreshold } from '../supplies/stock';
import { CAST, ROSTER_WINDOWS } from './hall';
import { aboutCase, alertOf } from './lookups';
import { rosterOf, windowMembers, workdayBack, type DemoPlan } from './plan';
import { says, type DemoEvent } from './timeline';

/** How people type, by slot: loose, as on a phone. `{t}` is the temperature. */
const PHRASES: Record<DailySlot, string[]> = {
  morning: ['晨检 {t}', '体温{t} 绿码', '晨检 {t} 绿码 无症状', '{t}'],
  midday: ['午检 {t}', '午检 {t} 绿码', '体温：{t}℃'],
  leave: ['离岗 {t}', '离岗 {t} 绿码', '离岗 {t} 绿码 无症状', '{t}度'],
};
/** Local time of each slot's first report, in minutes after midnight; people follow a few minutes apart. */
const SLOT_START: Record<DailySlot, number> = { morning: 7 * 60 + 40, midday: 12 * 60 + 5, leave: 17 * 60 + 32 };

/** One anomalous reading of the week, by workday counted back from the latest (0); handled by a leader within the hour when `ack` says how. */
interface Anomaly {
  day: number;
  name: string;
  slot: DailySlot;
  text: string;
  /** Local minute of the reading, when it is not the person's usual one. */
  minute?: number;
  ack?: string;
}

/** The critical case of the week (吴昊's fever): its emergency is told in cases.ts, from this reading on. */
export const WEEK_CASE = { name: '吴昊', minute: 7 * 60 + 52 } as const;

/**
 * The workday (counted back) of the week's case: three workdays ago, or a
 * later past one, so that it was closed within the dashboard's last 7 days
 * (after a long holiday: the last workday before it).
 */
export function weekCaseDay(plan: DemoPlan): number {
  const past = [3, 2, 1, 0].filter((back) => {
    const date = workdayBack(plan, back);
    return date !== undefined && date !== plan.today;
  });
  const recent = past.find((back) => Date.parse(plan.today) - Date.parse(workdayBack(plan, back)!) <= 6 * 86_400_000);
  return recent ?? past.at(-1) ?? 3;
}

const anomalies = (plan: DemoPlan): Anomaly[] => [
  { day: 4, name: '杨帆', slot: 'morning', text: '晨检 37.4', ack: '已安排居家观察，次日复测 36.6℃' },
  { ...WEEK_CASE, day: weekCaseDay(plan), slot: 'morning', text: '晨检 38.1 咳嗽', ack: '已按预案送定点医院发热门诊，等待检测结果' },
  { day: 2, name: '何芳', slot: 'morning', text: '晨检 36.6 黄码', ack: '已核实为行程卡误判，已转绿码' },
  { day: 1, name: '马超', slot: 'midday', text: '午检 36.8 咽痛', ack: '已提醒佩戴口罩，离岗复测正常' },
  // Open while it is today's; from an earlier day it was handled that morning.
  { day: 0, name: '朱琳', slot: 'morning', text: '晨检 37.4', ack: '复测 36.9℃，已安排居家观察' },
];

/**
 * The routine of the history: each lead's roster the afternoon before (2号窗口
 * late once, 3号窗口 closed once and not yet sent for the next workday),
 * everyone's three readings (a few forgotten, the anomalies above in place of
 * a normal one), leaders handling the anomalies, and on past workdays each
 * disinfection round and the supplies taken.
 */
export function weekEvents(plan: DemoPlan, rounds: string[]): DemoEvent[] {
  return [...rosters(plan), ...readings(plan), ...handled(plan), ...pastRounds(plan, rounds), ...supplies(plan)];
}

function rosters(plan: DemoPlan): DemoEvent[] {
  const events: DemoEvent[] = [];
  for (const [index, date] of plan.rosterDates.entries()) {
    for (const [w, window] of ROSTER_WINDOWS.entries()) {
      if (date === plan.next && window === '3号窗口') continue;
      const lead = windowMembers(plan, window).find((p) => p.role === 'lead')!;
      const members = rosterOf(plan, window, index);
      const late = window === '2号窗口' && index === 1;
      const before = plan.rosterSentOn.get(date)!;
      const planned = plan.at(before, late ? 16 * 60 + 20 : 14 * 60 + 30 + w * 11);
      const text = `排班 ${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${members ? members.map((p) => p.name).join('、') : '不开放'}`;
      // The next workday's rosters are due this afternoon: the leads who already sent theirs did so this morning.
      events.push(says(planned < plan.now ? planned : new Date(plan.now.getTime() - (30 - w) * 60_000), lead.name, text));
    }
  }
  return events;
}

function readings(plan: DemoPlan): DemoEvent[] {
  const events: DemoEvent[] = [];
  const everyone = [...plan.people.values()].filter((p) => p.window);
  const week = anomalies(plan);
  for (const date of plan.workdays) {
    const day = plan.rosterDates.indexOf(date);
    const back = plan.workdays.length - 1 - plan.workdays.indexOf(date);
    const onDuty = new Set(ROSTER_WINDOWS.flatMap((w) => rosterOf(plan, w, day) ?? []).map((p) => p.id));
    for (const slot of ['morning', 'midday', 'leave'] as DailySlot[]) {
      for (const [i, person] of everyone.entries()) {
        const anomaly = week.find((a) => a.day === back && a.name === person.name && a.slot === slot);
        const off = ROSTER_WINDOWS.includes(person.window) && !onDuty.has(person.id);
        if (!anomaly && (off || (i * 7 + day * 5 + slot.length) % 13 === 0)) continue;
        const t = (36.2 + ((i * 13 + day * 7 + slot.length * 5) % 7) / 10).toFixed(1);
        const phrases = PHRASES[slot];
        const text = anomaly?.text ?? phrases[(i + day) % phrases.length].replace('{t}', t);
        events.push(says(plan.at(date, anomaly?.minute ?? SLOT_START[slot] + i * 3), person.name, text));
      }
    }
  }
  return events;
}

/** Leaders handle the anomalies with a note within the hour; today's stays open for the dashboard. */
function handled(plan: DemoPlan): DemoEvent[] {
  return anomalies(plan).flatMap((a) => {
    const date = workdayBack(plan, a.day);
    if (!a.ack || !date || date === plan.today) return [];
    const reading = a.minute ?? SLOT_START[a.slot];
    const leader = CAST.leaders[a.day % 2];
    return [says(plan.at(date, reading + 50), leader, aboutCase((sql) => alertOf(sql, a.name, date, true), `处置 {n} ${a.ack}`))];
  });
}

/** Each round of each past workday, logged whole by 消毒防疫组 ten minutes in. */
function pastRounds(plan: DemoPlan, rounds: string[]): DemoEvent[] {
  return plan.workdays
    .filter((date) => date !== plan.today)
    .flatMap((date) => rounds.map((round) => says(plan.at(date, minutesOf(round) + 10), CAST.disinfector, '消杀 全部')));
}

/** The supplies: stocked on the first day, thresholds set by the administrator, taken every workday morning. */
export const SUPPLY_THRESHOLDS: [item: string, threshold: number, unit: string][] = [
  ['口罩', 500, '个'],
  ['酒精棉球', 20, '包'],
  ['消毒液', 10, '瓶'],
  ['一次性手套', 100, '副'],
];
const STOCKED = ['入库 口罩 2000', '入库 酒精棉球 60包', '入库 消毒液 40瓶', '入库 一次性手套 400副'];
const TAKEN = ['领用 口罩 150', '领用 酒精棉球 6包', '领用 消毒液 3瓶', '领用 一次性手套 40副'];

function supplies(plan: DemoPlan): DemoEvent[] {
  const [first, ...rest] = plan.workdays.filter((d) => d !== plan.today);
  if (!first) return [];
  const events = STOCKED.map((text, i) => says(plan.at(first, 8 * 60 + 20 + i), CAST.storekeeper, text));
  events.push({
    at: plan.at(first, 8 * 60 + 30),
    action: async ({ db, services }) => {
      for (const [item, threshold, unit] of SUPPLY_THRESHOLDS) await setThreshold(db, item, threshold, unit, services.clock.now());
    },
  });
  for (const date of [first, ...rest]) events.push(...TAKEN.map((text, i) => says(plan.at(date, 8 * 60 + 40 + i), CAST.storekeeper, text)));
  return events;
}

import { DRILL_MARK } from '../drills/mark';
import { celsius, SEVERITY_LABEL, SLOT_LABEL } from '../labels';
import { someNames } from '../text';
import type { DailySlot } from '../../entities';
import type { SweepResult, SweepView } from './view';

/** How many names a status or result lists before counting the rest. */
const NAMES = 100;

const mark = (r: { drill: boolean }) => (r.drill ? DRILL_MARK : '');
const about = (r: { incidentId: number | null }) => (r.incidentId === null ? '' : `（应急 #${r.incidentId}）`);
const named = (people: { name: string; window: string }[]) => someNames(people.map((p) => `${p.name}（${p.window}）`), NAMES);

/** The answers that raised a warning or worse, each with its value and alert. */
function anomalies(r: SweepResult): string | null {
  const bad = r.answered.filter((a) => a.status !== null && a.status !== 'normal');
  if (bad.length === 0) return null;
  return `异常 ${bad.length} 人：${bad.map((a) => `${a.name} ${celsius(a.temperature)}（${SEVERITY_LABEL[a.status!]}${a.alertId === null ? '' : `，告警 #${a.alertId}`}）`).join('、')}`;
}

/** The sentences of the all-staff check (全员测温, SPEC §11). */
export const sweepMessages = {
  /** The direct message each expected person gets. */
  ask: (r: { id: number; incidentId: number | null; drill: boolean }) =>
    r.drill
      ? `${mark(r)}【全员测温】${about(r)}请立即测量体温并回复，例如：36.5。演练中的体温单独记录，不计入任何统计，也不代替今天的晨检、午检或离岗上报。`
      : `【全员测温】${about(r)}请立即测量体温并回复，例如：36.5 绿码。这次记为「加测」，不代替今天的晨检、午检或离岗上报。`,

  started: (r: { id: number; incidentId: number | null; drill: boolean; asked: number; due: string }) =>
    `${mark(r)}已发起全员测温 #${r.id}${about(r)}：已通知 ${r.asked} 人立即测温；全部上报或到 ${r.due} 时，结果推送领导小组。查看进度：全员测温 状态`,

  /** The line an incident's 排查 adds to its reply and push when it starts a sweep by itself. */
  autoStarted: (r: { id: number; incidentId: number | null; asked: number; due: string }) =>
    `排查已开始：已自动发起全员测温 #${r.id}${about(r)}，通知 ${r.asked} 人立即测温，${r.due} 前汇总。`,

  /** A sweep already running serves the incident whose 排查 starts. */
  joined: (r: { id: number; incidentId: number | null }) => `正在进行的全员测温 #${r.id} 计入应急 #${r.incidentId}，不另行发起。`,

  busy: (r: { id: number; incidentId: number | null }, incidentId: number) => `全员测温 #${r.id}${about(r)}正在进行；结束后可发送「全员测温 ${incidentId}」为应急 #${incidentId} 再测。`,

  alreadyRunning: (status: string) => `已有全员测温在进行，不重复发起。\n${status}`,

  status(r: SweepResult, clock: { started: string; due: string; closed: string | null }) {
    const state = r.closedAt ? `已于 ${clock.closed} 汇总` : `进行中，${clock.due} 汇总`;
    return [
      `${mark(r)}【全员测温 #${r.id}】${about(r)}${clock.started} 发起，${state}`,
      `已报 ${r.answered.length}/${r.asked} 人${r.answered.length ? `：${someNames(r.answered.map((a) => `${a.name} ${celsius(a.temperature)}`), NAMES)}` : ''}`,
      anomalies(r),
      r.missing.length ? `未报 ${r.missing.length} 人：${named(r.missing)}` : '全员已报。',
    ]
      .filter(Boolean)
      .join('\n');
  },

  /** The result the leadership group gets once. */
  result(r: SweepResult, started: string) {
    const head = r.missing.length ? `，${r.outcome === 'timeout' ? '30 分钟内' : ''}未报 ${r.missing.length} 人` : '，全员已报';
    return [
      `${mark(r)}【全员测温结果 #${r.id}】${about(r)}${started} 发起，已报 ${r.answered.length}/${r.asked} 人${head}`,
      anomalies(r) ?? (r.drill ? null : '体温均正常。'),
      r.missing.length ? `未报：${named(r.missing)}` : null,
    ]
      .filter(Boolean)
      .join('\n');
  },

  /** Appended to the reply of a reading that answered a sweep. */
  answered: (r: { id: number; drill: boolean }, dailyMissing?: DailySlot) =>
    `${mark(r)}已计入全员测温 #${r.id}${r.drill ? '' : `（${SLOT_LABEL.extra}）`}。${dailyMissing ? `今天的${SLOT_LABEL[dailyMissing]}尚未上报，请另发：${SLOT_LABEL[dailyMissing]} 36.5` : ''}`,

  /** Today's 全员测温 in `今日统计`, within the reader's scope. */
  statsLine: (s: SweepView) =>
    `全员测温 #${s.id}${s.running ? '（进行中）' : ''}：${SLOT_LABEL.extra}已报 ${s.answered}/${s.asked}${s.missing.length ? `，未报：${someNames(s.missing, 10)}` : ''}`,

  /** An incident's 全员测温 under its checklist. */
  incidentLine: (r: SweepResult) =>
    `全员测温 #${r.id}${r.running ? '（进行中）' : ''}：已报 ${r.answered.length}/${r.asked}${r.missing.length ? `，未报 ${r.missing.length} 人` : ''}${anomalies(r) ? `；${anomalies(r)}` : ''}`,

  none: () => '没有进行中的全员测温。领导小组成员发送「全员测温」即可发起。',
  nobody: () => '今天没有应报人员（各窗口均休息或无人），未发起全员测温。',
  usage: () => '用法：全员测温（发起）、全员测温 12（为 12 号应急事件发起）、全员测温 状态',
};

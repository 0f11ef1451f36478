import { duration } from '../text';
import { DRILL_MARK } from './mark';

/** How one step of a drill went against its due time. */
export interface StepScore {
  label: string;
  /** Minutes from opening to its due time. */
  dueMinutes: number;
  /** Minutes from opening to done; absent when not done. */
  tookMinutes?: number;
}

const scoreLine = (s: StepScore) => {
  if (s.tookMinutes === undefined) return `❌ ${s.label} — 未完成（时限 ${duration(s.dueMinutes)}）`;
  const late = s.tookMinutes - s.dueMinutes;
  return `${late > 0 ? '⚠️' : '✅'} ${s.label} — 用时 ${duration(s.tookMinutes)}（时限 ${duration(s.dueMinutes)}），${late > 0 ? `超时 ${duration(late)}` : '按时'}`;
};

/** The sentences of 应急演练 (SPEC §11); every one about a drill carries 【演练】. */
export const drillMessages = {
  opened: (a: { id: number; by: string; time: string; subject: string; situation: string }) =>
    `${DRILL_MARK}【应急演练 #${a.id}】${a.by} ${a.time} 发起应急演练：${a.subject}，${a.situation}。以下均为演练，请按真实流程处置并回复。`,
  started: (id: number) => `${DRILL_MARK}已开始应急演练 #${id}：清单已推送领导小组，各负责组已收到各自的步骤。进展请回复：进展 ${id} 隔离 <情况>；结束：演练 结束`,
  situation: '模拟发热：体温 38.5℃、咳嗽',
  /** The fictional person, in a window or in the hall. */
  subject: (window: string | undefined) => `演练人员（${window ?? '大厅'}）`,
  askReading: (id: number) => `${DRILL_MARK}您已被确认为应急演练 #${id} 的密切接触者（演练）：请测量体温并回复，例如：演练 36.5 绿码。演练数据不计入统计。`,
  readingRecorded: (id: number, reading: string) => `${DRILL_MARK}已记录应急演练 #${id} 的测温：${reading}。演练数据不计入统计、报表和图表。`,
  score: (a: { id: number; subject: string; by: string; minutes: number; steps: StepScore[]; contacts: number; answered: number }) => {
    const late = a.steps.filter((s) => s.tookMinutes !== undefined && s.tookMinutes > s.dueMinutes).length;
    const undone = a.steps.filter((s) => s.tookMinutes === undefined).length;
    return [
      `${DRILL_MARK}【应急演练 #${a.id} 评分】${a.subject}，${a.by} 结束演练，历时 ${duration(a.minutes)}`,
      ...a.steps.map(scoreLine),
      `合计：按时 ${a.steps.length - late - undone} 步，超时 ${late} 步，未完成 ${undone} 步`,
      `密接：确认 ${a.contacts} 人，已回复演练测温 ${a.answered} 人`,
    ].join('\n');
  },
  readings: (readings: string[]) => `演练测温：${readings.join('、') || '尚无'}`,
  usage: () => '用法：演练 开始 [窗口]（领导小组），演练 结束（领导小组）；演练中被确认的密接回复：演练 36.5',
  leadersOnly: () => '应急演练由领导小组成员开始和结束。',
  alreadyOpen: (id: number) => `${DRILL_MARK}应急演练 #${id} 尚未结束：同一时间只进行一次演练，请先发送：演练 结束`,
  noOpenDrill: () => '没有进行中的应急演练。开始：演练 开始 [窗口]',
  unknownWindow: (window: string, windows: string[]) => `没有「${window}」：窗口为 ${windows.join('、') || '（名单中没有窗口）'}；不写窗口则在大厅演练。`,
  notContact: (id: number) => `${DRILL_MARK}您不是应急演练 #${id} 已确认的密接，也不在其全员测温名单中，无需回复演练测温。`,
  closeByEnd: (id: number) => `${DRILL_MARK}#${id} 是应急演练：请发送 演练 结束，系统会评分并推送领导小组。`,
  notAnAlert: (id: number) => `${DRILL_MARK}#${id} 是应急演练的编号，不是告警，无需处置；结束演练：演练 结束`,
};

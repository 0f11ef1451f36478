import { duration } from '../text';
import { STEPS, type StepName } from './steps';

/** A step as the checklist shows it. */
export interface StepView {
  step: StepName;
  owner: string;
  /** The owner group has no members: the leadership group does the step. */
  ownerless: boolean;
  due: string;
  /** The due instant, ISO 8601. */
  dueAt: string;
  /** `at` as a checklist shows it (09:20), `iso` the instant; `minutes` from opening. */
  done?: { at: string; iso: string; by: string; note: string; minutes: number };
  /** Minutes past due, for a step not done. */
  overdue?: number;
  /** When the leadership group was told it reached twice its due time (once; then the brief and the dashboard carry it). */
  escalatedAt?: string;
}

const stepOf = (name: StepName) => STEPS.find((s) => s.name === name)!;
const label = (name: StepName) => `${stepOf(name).no}. ${stepOf(name).title}`;
const owner = (v: StepView) => (v.ownerless ? `领导小组（${v.owner}无成员）` : v.owner);

/** The case in a heading: who and what, or only what when the subject is the situation's own opening words (启动应急). */
const about = (subject: string, situation: string) => (situation.startsWith(subject) ? situation : `${subject}：${situation}`);

/** A step's heading (2. 迅速隔离) and the group that does it, for the report upward and the dashboard. */
export { label as stepLabel, owner as stepOwner };

/** A step past its due time, of an open incident, as a reminder lists it. */
export interface OverdueStep {
  id: number;
  subject: string;
  view: StepView;
}

/** `3. 定点送医（张三（1号窗口））应于 09:05 前完成，已超时 1小时5分钟`, with the owner group for the leaders. */
const lateLine = (i: OverdueStep, withOwner = false) =>
  `${label(i.view.step)}（${i.subject}${withOwner ? `，${owner(i.view)}` : ''}）应于 ${i.view.due} 前完成，已超时 ${duration(i.view.overdue ?? 0)}`;

/** One checklist line: done with who and when, or due with how late. */
function line(v: StepView): string {
  if (v.done) return `✅ ${label(v.step)} — ${v.done.by} ${v.done.at}${v.done.note ? `：${v.done.note}` : ''}`;
  return `⬜ ${label(v.step)} — ${owner(v)} — ${v.due} 前${v.overdue ? `（已超时 ${duration(v.overdue)}）` : ''}`;
}

/** The emergency procedure's sentences (SPEC §11). */
export const incidentMessages = {
  /** The checklist an opening push carries: under the alert it came from, or on its own. */
  procedure: (a: { id: number; steps: StepView[] }) =>
    [`【应急处置 #${a.id}】已启动应急处置流程，各步骤负责组与时限：`, ...a.steps.map(line), `完成一步即回复：进展 ${a.id} 隔离 已送隔离室（或：隔离 ${a.id} 已送隔离室）；查看：应急 ${a.id}`].join('\n'),

  yourSteps: (a: { id: number; subject: string; situation: string; group: string; steps: StepView[] }) =>
    [`【应急处置 #${a.id}】${about(a.subject, a.situation)}`, `${a.group}负责：`, ...a.steps.map((s) => `${label(s.step)}（${s.due} 前）`), `完成后回复：进展 ${a.id} ${a.steps[0].step} <情况>`].join('\n'),

  checklist: (a: { id: number; subject: string; situation: string; status: string; steps: StepView[] }) =>
    [`【应急处置 #${a.id}】${about(a.subject, a.situation)}（${a.status}）`, ...a.steps.map(line)].join('\n'),

  stepDone: (id: number, v: StepView) => `【应急 #${id}】✅ ${label(v.step)} — ${v.done!.by} ${v.done!.at}，用时 ${duration(v.done!.minutes)}${v.done!.note ? `：${v.done!.note}` : ''}`,

  stepRecorded: (id: number, v: StepView) => `已记录 #${id} ${label(v.step)}（${v.done!.at}，用时 ${duration(v.done!.minutes)}）。`,

  /**
   * One person's overdue steps of a run of incident-deadlines, in one message:
   * a single step in a line, several listed (SPEC §11).
   */
  overdue: (items: OverdueStep[], whose = '您负责的') => {
    if (items.length === 1) {
      const [{ id, subject, view: v }] = items;
      return `【应急 #${id} 超时】${label(v.step)}（${subject}）应于 ${v.due} 前完成，已超时 ${duration(v.overdue ?? 0)}；完成后回复：进展 ${id} ${v.step} <情况>`;
    }
    return [`【应急处置超时】${whose} ${items.length} 个步骤已超时：`, ...items.map((i) => `· #${i.id} ${lateLine(i)}`), '每完成一步回复：进展 <编号> <步骤> <情况>'].join('\n');
  },

  /**
   * The leadership group's one message of a run: the steps that reached twice
   * their due time (escalated once, SPEC §11), and the overdue steps of groups
   * without members, which fall to the leaders themselves.
   */
  overdueToLeaders: (a: { escalated: OverdueStep[]; ownerless: OverdueStep[] }) => {
    const parts: string[] = [];
    const [first] = a.escalated;
    if (a.escalated.length === 1) parts.push(`【应急 #${first.id} 严重超时】${label(first.view.step)}（${first.subject}，${owner(first.view)}）应于 ${first.view.due} 前完成，已超时 ${duration(first.view.overdue ?? 0)}，请督办。`);
    else if (a.escalated.length > 1) parts.push([`【应急处置严重超时】${a.escalated.length} 个步骤已超过时限一倍，请督办：`, ...a.escalated.map((i) => `· #${i.id} ${lateLine(i, true)}`)].join('\n'));
    if (a.ownerless.length) parts.push(incidentMessages.overdue(a.ownerless, '由领导小组负责（负责组无成员）的'));
    return parts.join('\n\n');
  },

  /**
   * An open incident in one line (the daily brief, 今日统计): progress, each
   * overdue step with how late, and how many of them the leaders were told of.
   */
  caseLine: (a: { id: number; subject: string; situation: string; steps: StepView[] }) => {
    const late = a.steps.filter((s) => s.overdue !== undefined);
    const escalated = late.filter((s) => s.escalatedAt).length;
    const overdue = late.length ? `；超时：${late.map((s) => `${s.step} ${duration(s.overdue!)}`).join('、')}${escalated ? `（${escalated} 步已报领导小组督办）` : ''}` : '';
    return `#${a.id} ${about(a.subject, a.situation)} — 已完成 ${a.steps.filter((s) => s.done).length}/${a.steps.length} 步${overdue}`;
  },

  noOpenCases: () => '无进行中的应急处置。',
  closedToday: (ids: number[]) => `今日结案：${ids.map((id) => `#${id}`).join('、')}`,

  closed: (a: { id: number; by: string; summary: string; undone: StepName[]; alertSettled: boolean }) =>
    [
      `【应急 #${a.id} 结案】${a.by}：${a.summary}`,
      a.undone.length ? `未完成的步骤：${a.undone.map(label).join('、')}` : '七个步骤均已完成。',
      ...(a.alertSettled ? [`告警 #${a.id} 随结案标记为已处置。`] : []),
    ].join('\n'),

  openedByHand: (a: { id: number; by: string; time: string; situation: string }) => `【启动应急 #${a.id}】${a.by} ${a.time} 启动应急处置：${a.situation}`,
  startedByHand: (id: number) => `已启动 #${id} 号应急处置：清单已推送领导小组，各负责组已收到各自的步骤；密接请由排查负责组按姓名确认：密接 ${id} 确认 <姓名…>。查看：应急 ${id}`,
  startUsage: () => '用法：启动应急 门口一名群众体温 38.5℃，已在门岗等候',
  progressUsage: () => '用法：进展 12 隔离 已送隔离室（步骤：隔离 送医 排查 上报 消杀 善后，或 2–7）',
  closeUsage: () => '用法：结案 12 已送医确诊排除，解除隔离',
  unknownIncident: (id: string) => `没有 ${id} 号应急事件，请核对编号。`,
  checklistUsage: () => '用法：应急 12（查看 12 号应急事件的处置清单）',
  unknownStep: (word: string) => `不认识的步骤「${word}」：请写 隔离 送医 排查 上报 消杀 善后 之一，或 2–7。`,
  alreadyDone: (id: number, v: StepView) => `#${id} ${label(v.step)} 已由 ${v.done!.by} 于 ${v.done!.at} 完成。`,
  closedAlready: (id: number) => `#${id} 已结案。`,
  notOwner: (v: StepView) => `${label(v.step)} 由 ${owner(v)} 负责；您不在该组，请由该组成员或领导小组成员回复。`,
};

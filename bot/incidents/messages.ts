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
}

const stepOf = (name: StepName) => STEPS.find((s) => s.name === name)!;
const label = (name: StepName) => `${stepOf(name).no}. ${stepOf(name).title}`;
const owner = (v: StepView) => (v.ownerless ? `领导小组（${v.owner}无成员）` : v.owner);

/** The case in a heading: who and what, or only what when the subject is the situation's own opening words (启动应急). */
const about = (subject: string, situation: string) => (situation.startsWith(subject) ? situation : `${subject}：${situation}`);

/** A step's heading (2. 迅速隔离) and the group that does it, for the report upward and the dashboard. */
export { label as stepLabel, owner as stepOwner };

/** One checklist line: done with who and when, or due with how late. */
function line(v: StepView): string {
  if (v.done) return `✅ ${label(v.step)} — ${v.done.by} ${v.done.at}${v.done.note ? `：${v.done.note}` : ''}`;
  return `⬜ ${label(v.step)} — ${owner(v)} — ${v.due} 前${v.overdue ? `（已超时 ${v.overdue} 分钟）` : ''}`;
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

  stepDone: (id: number, v: StepView) => `【应急 #${id}】✅ ${label(v.step)} — ${v.done!.by} ${v.done!.at}，用时 ${v.done!.minutes} 分钟${v.done!.note ? `：${v.done!.note}` : ''}`,

  stepRecorded: (id: number, v: StepView) => `已记录 #${id} ${label(v.step)}（${v.done!.at}，用时 ${v.done!.minutes} 分钟）。`,

  overdue: (id: number, subject: string, v: StepView) => `【应急 #${id} 超时】${label(v.step)}（${subject}）应于 ${v.due} 前完成，已超时 ${v.overdue} 分钟；完成后回复：进展 ${id} ${v.step} <情况>`,

  twiceOverdue: (id: number, subject: string, v: StepView) => `【应急 #${id} 严重超时】${label(v.step)}（${subject}，${owner(v)}）应于 ${v.due} 前完成，已超时 ${v.overdue} 分钟，请督办。`,

  closed: (a: { id: number; by: string; summary: string; undone: StepName[] }) =>
    `【应急 #${a.id} 结案】${a.by}：${a.summary}${a.undone.length ? `\n未完成的步骤：${a.undone.map(label).join('、')}` : '\n七个步骤均已完成。'}`,

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

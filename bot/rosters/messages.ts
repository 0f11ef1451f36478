import type { ObservedPeriod } from '../health/period';
import { readingMessages } from '../health/messages';
import { clip, dateLabel, someNames } from '../text';

/** A window's roster for one date, as the sentences about it need it. */
export interface RosterFacts {
  window: string;
  date: string;
  names: string[];
  closed: boolean;
  late: boolean;
  submittedBy?: string;
}

/** A rostered person the health cross-check flagged. */
export interface FlaggedPerson {
  name: string;
  window: string;
  flags: string[];
}

const EXAMPLE = '明日排班 张三 李四（或：排班 下周一 张三、李四；明日排班 不开放）';

const lineup = (r: RosterFacts) => (r.closed ? '不开放' : `${r.names.join('、')}（${r.names.length} 人）`);
const flagged = (people: FlaggedPerson[]) => people.map((p) => `${p.name}：${p.flags.join('，')}`);

/** The roster sentences of the catalog (SPEC §3.3), merged into `messages`. */
export const rosterMessages = {
  rosterUsage: () => `请按格式提交排班，如：${EXAMPLE}`,
  rosterBadDate: (text: string) => `没看懂日期「${clip(text)}」。日期可写 11月24日、2026-11-24、明天、后天、下周一。`,
  rosterNeedsWindow: () => '请写明窗口，如：明日排班 3号窗口 张三 李四',
  rosterUnknownWindow: (window: string) => `名单中没有「${clip(window)}」这个窗口。`,
  rosterOwnWindowOnly: (own: string, asked: string) => `窗口负责人只能提交本窗口（${own || '未分配窗口'}）的排班，不能提交「${asked}」。`,
  rosterPastDate: (date: string) => `${dateLabel(date)} 已经过去，不能再提交排班。`,
  rosterTooFar: (date: string) => `${dateLabel(date)} 超过 14 天，暂不能提交排班。`,
  rosterNotWorkday: (date: string) => `${dateLabel(date)} 不是工作日，无需排班。如该日需开放，请联系管理员设为工作日。`,
  rosterUnknownNames: (names: string[]) => `名单中没有：${names.join('、')}。本次排班未保存，请核对姓名后重新提交。`,
  rosterDuplicateNames: (names: string[]) => `排班中重复出现：${names.join('、')}。本次排班未保存，请去掉重复后重新提交。`,
  rosterTooManyNames: (count: number, max: number) => `一条排班消息最多写 ${max} 人，这条有 ${count} 项。本次排班未保存，请分窗口提交，或联系管理员。`,
  rosterAmbiguous: (name: string, windows: string[]) => `名单中有多位「${name}」（${windows.join('、')}），本次排班未保存，请联系管理员区分。`,

  rosterSaved(r: RosterFacts, extra: { replaced: boolean; added: string[]; removed: string[]; otherWindow: { name: string; window: string }[]; flagged: FlaggedPerson[]; deadline: string }) {
    const lines = [`已${extra.replaced ? '更新' : '提交'} ${r.window} ${dateLabel(r.date)} 排班：${lineup(r)}。`];
    if (extra.replaced) {
      const changes = [extra.added.length ? `新增 ${extra.added.join('、')}` : '', extra.removed.length ? `移除 ${extra.removed.join('、')}` : ''].filter(Boolean);
      lines.push(`变更：${changes.length ? changes.join('；') : '人员无变化'}（原排班已存档）。`);
    }
    if (extra.otherWindow.length) lines.push(`注意：${extra.otherWindow.map((p) => `${p.name} 属于${p.window || '未分配窗口'}`).join('；')}。`);
    if (extra.flagged.length) lines.push(`健康提醒：${flagged(extra.flagged).join('；')}。`);
    lines.push(r.late ? `已逾期（截止时间 ${extra.deadline}），已通知领导小组。` : `截止时间 ${extra.deadline} 前可重新提交覆盖。`);
    return lines.join('\n');
  },

  rosterLateNotice: (r: RosterFacts, at: string) => `【排班逾期提交】${r.window} ${r.submittedBy ?? ''} 于 ${at} 提交 ${dateLabel(r.date)} 排班：${lineup(r)}（逾期）。`,

  rosterStatus(date: string, rosters: RosterFacts[], missingWindows: string[]) {
    const lines = [`${dateLabel(date)} 排班：已提交 ${rosters.length}/${rosters.length + missingWindows.length} 个窗口`];
    for (const r of rosters) lines.push(`${r.window}：${lineup(r)}${r.late ? '（逾期）' : ''}`);
    if (missingWindows.length) lines.push(`未提交：${someNames(missingWindows, 30)}`);
    return lines.join('\n');
  },

  rosterReminder: (window: string, date: string) => `【排班提醒】${window} 还未提交 ${dateLabel(date)} 的排班，请在今天 16:00 前发送，如：${EXAMPLE}`,
  rosterOverdue: (window: string, date: string) => `【排班逾期】${window} 未在 16:00 前提交 ${dateLabel(date)} 的排班，已报告领导小组，请尽快提交。`,

  rosterDeadlineSummary(
    date: string,
    rosters: RosterFacts[],
    missingWindows: string[],
    people: FlaggedPerson[],
    observed: ObservedPeriod,
    maxWindows = 40,
  ) {
    const open = rosters.filter((r) => !r.closed);
    const lines = [`【次日排班汇总】${dateLabel(date)}：已提交 ${rosters.length}/${rosters.length + missingWindows.length} 个窗口，上岗 ${open.reduce((n, r) => n + r.names.length, 0)} 人`];
    for (const r of open.slice(0, maxWindows)) lines.push(`${r.window} ${r.names.length} 人：${someNames(r.names, 12)}${r.late ? '（逾期）' : ''}`);
    if (open.length > maxWindows) lines.push(`…另有 ${open.length - maxWindows} 个窗口`);
    const closed = rosters.filter((r) => r.closed).map((r) => r.window);
    if (closed.length) lines.push(`不开放：${someNames(closed, 20)}`);
    lines.push(missingWindows.length ? `未提交（已逾期）：${someNames(missingWindows, 20)}` : '未提交：无');
    if (people.length) {
      lines.push(`需关注的排班人员 ${people.length} 人：`);
      for (const p of people.slice(0, 20)) lines.push(`${p.name}（${p.window}）：${p.flags.join('，')}`);
      if (people.length > 20) lines.push(`…另有 ${people.length - 20} 人`);
    }
    lines.push(...readingMessages.observedPeriodLines(observed));
    return lines.join('\n');
  },
};

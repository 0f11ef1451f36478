import type { DailySlot, HealthCode, Role, Severity, Slot } from '../entities';
import { alertWho, type AlertLine } from './alerts/figures';
import { dayTotals, missing, type WindowDay } from './health/attendance';
import { celsius, CODE_LABEL, ROLE_LABEL, SEVERITY_LABEL, SLOT_LABEL } from './labels';
import type { ObservedPeriod } from './health/period';
import { readingMessages, type ReplacedReading, type SlotReading } from './health/messages';
import { contactMessages } from './incidents/contact-messages';
import { rosterMessages } from './rosters/messages';
import { clip, monthDay, someNames } from './text';
import { combinedInstruction } from './alerts/instruction';

export { someNames };

/** One report as the sentences about it need it. */
export interface ReportFacts {
  date: string;
  slot: Slot;
  temperature: number;
  healthCode: HealthCode | null;
  /** null: not mentioned; []: declared none */
  symptoms: string[] | null;
}

/** What a message of small talk says. */
export type SmallTalk = 'greeting' | 'thanks' | 'ack';

/** One finding of the anomaly rules, as the sentences need it. */
export interface FindingFacts {
  what: string;
  instruction: string;
}

const HINT = '发送「帮助」查看用法。';
const EXAMPLE = '晨检 36.5 绿码 无症状';

/** `2026-11-23 晨检 36.5℃，绿码，无症状` */
export function describeReport(r: ReportFacts): string {
  const parts = [`${r.date} ${SLOT_LABEL[r.slot]} ${celsius(r.temperature)}`];
  if (r.healthCode) parts.push(CODE_LABEL[r.healthCode]);
  if (r.symptoms) parts.push(r.symptoms.length ? `症状：${r.symptoms.join('、')}` : '无症状');
  return parts.join('，');
}

function instructions(findings: FindingFacts[]): string {
  return combinedInstruction(findings.map((f) => f.instruction));
}

/**
 * Every sentence the bot says, zh-CN, in one place. Tests assert on the facts
 * inside a reply (numbers, names, keywords), so wording can change freely.
 */
export const messages = {
  ...rosterMessages,
  ...readingMessages,
  unregistered: () => '你好！你还不在本大厅的人员名单中，暂时无法使用防疫值守助手。请联系所在窗口负责人或系统管理员登记后再试。',
  leadWithoutWindow: () => '你是窗口负责人，但名单中还没有你所在的窗口，暂时无法查看或提交窗口数据。请联系系统管理员补全名单。',
  sentPrivately: (name: string) => `${name}，回复已单独发给你，请在与防疫值守助手的单聊中查看。`,
  tooLong: (limitBytes: number) => `消息太长（超过 ${Math.round(limitBytes / 1024)} KB），未处理，也未保存。请分成几条较短的消息发送。${HINT}`,
  nonText: () => `暂时只能识别文字消息。上报体温请直接发送，如：${EXAMPLE}。${HINT}`,
  emptyText: () => `请发送文字，如：${EXAMPLE}。${HINT}`,
  unknownCommand: (text: string) => `没看懂「${clip(text)}」。上报体温请发送如：${EXAMPLE}。${HINT}`,
  smallTalk: (kind: SmallTalk, name: string) =>
    ({
      greeting: `${name}，你好！上报体温直接发送，如：${EXAMPLE}。${HINT}`,
      thanks: `不客气，${name}！辛苦了。`,
      ack: '好的。',
    })[kind],
  notAllowed: (command: string, role: Role) => `「${command}」不在${ROLE_LABEL[role]}可用的命令中。${HINT}`,
  systemBusy: () => '系统繁忙，请稍后再试。',
  floodMessages: (limit: number) => `一分钟内收到您的消息超过 ${limit} 条，本条已记录但未处理。请稍候一分钟再发送。`,
  floodReadings: (limit: number) => `本时段您已报送 ${limit} 次体温，本条已记录但不再计入。请稍后复测；如有不适，请直接联系带班负责人。`,
  databaseUnavailable: () => '数据库暂时无法连接，本次未执行，将在下次补发时重试。',
  noteTooLong: (max: number, length: number) => `说明文字最多 ${max} 字，本次 ${length} 字，未记录。请精简后重新发送。`,
  outboxMerged: (count: number) => `以下为合并推送的 ${count} 条消息（群消息发送频率受限）：`,

  missingTemperature: () => `没有找到体温数值，未记录。请发送如：${EXAMPLE}`,
  decimalMissing: (value: number, suggestion: number) =>
    `体温「${value}」不在合理范围，未记录。是否想上报 ${celsius(suggestion)}？请重新发送，如：体温 ${suggestion.toFixed(1)}`,
  fahrenheit: (value: number, c: number) =>
    `「${value}」看起来是华氏度（约 ${celsius(c)}），未记录。请用摄氏度上报，如：体温 ${c.toFixed(1)}`,
  outOfRange: (value: number) => `体温 ${value}℃ 超出合理范围（35.0–42.0℃），未记录。请复测后重新发送，如：${EXAMPLE}`,
  severalTemperatures: (values: number[]) => `一条消息里有多个体温（${values.join('、')}），未记录。请只发一个体温，如：${EXAMPLE}`,
  otherDate: (date: string) => `只能上报今天的体温，消息中的日期是 ${monthDay(date)}，未记录。请去掉日期后重新发送，如：${EXAMPLE}`,
  conflictingCodes: (codes: HealthCode[]) => `健康码只能填一种（${codes.map((c) => CODE_LABEL[c]).join('、')}），未记录。请只写一种后重新发送，如：${EXAMPLE}`,
  conflictingSlots: (slots: Slot[]) => `时段只能填一个（${slots.map((s) => SLOT_LABEL[s]).join('、')}），未记录。请只写一个时段后重新发送，如：${EXAMPLE}`,
  namedPerson: (name: string) =>
    `消息中有「${clip(name)}」（名单中的人员），未记录。本人上报请去掉姓名重新发送，如：${EXAMPLE}；如是替${clip(name)}上报，请窗口负责人或领导发送：代报 ${clip(name)} 36.5`,
  /** Appended to a saved report: what was not read, so the sender can check. */
  unusedWords: (words: string[]) => `未识别的内容：「${words.map(clip).join('」「')}」（已忽略）。如记录有误，请发送正确体温，如：更正 36.6`,
  /** Appended to a saved report whose value was not written as a plain number. */
  writtenAs: (written: string, value: number) => `「${clip(written)}」已按 ${celsius(value)} 记录。`,
  missingName: () => '请写明代报对象的姓名，如：代报 张三 36.5 绿码',
  unknownPerson: (name: string) => `名单中没有「${clip(name)}」，未记录。请核对姓名。`,
  ambiguousPerson: (name: string, windows: string[]) => `名单中有多位「${name}」（${windows.join('、')}），请联系管理员区分后再代报。`,
  notOwnWindow: (name: string, window: string) => `${name} 属于「${window || '未分配窗口'}」，窗口负责人只能为本窗口人员代报。`,

  reportSaved(
    r: ReportFacts,
    severity: Severity,
    findings: FindingFacts[],
    extra: { alertId?: number; replaced?: ReplacedReading; retest?: SlotReading[]; behalfOf?: string; correctionWithoutPrevious?: boolean },
  ) {
    const lines = [`${extra.behalfOf ? `已为 ${extra.behalfOf} 代报` : '已记录'}${extra.retest ? '（复测）' : ''}：${describeReport(r)}。`];
    if (extra.replaced) lines.push(readingMessages.correctionLine(extra.replaced));
    if (extra.retest) lines.push(...readingMessages.retestLines(r.slot, extra.retest, severity === 'normal'));
    if (extra.correctionWithoutPrevious) lines.push(`${SLOT_LABEL[r.slot]}此前没有记录，已按本次上报保存。`);
    if (severity === 'normal') {
      lines.push('结果：正常。');
    } else {
      lines.push(`结果：${SEVERITY_LABEL[severity]}（${findings.map((f) => f.what).join('、')}）${extra.alertId ? `，已上报领导小组（告警 #${extra.alertId}）` : ''}。`);
      lines.push(`处置要求：${instructions(findings)}。`);
    }
    return lines.join('\n');
  },

  behalfNotice: (reporter: string, r: ReportFacts, severity: Severity, findings: FindingFacts[]) =>
    [
      `${reporter} 已为你代报：${describeReport(r)}。`,
      severity === 'normal' ? '结果：正常。' : `结果：${SEVERITY_LABEL[severity]}。处置要求：${instructions(findings)}。`,
      '如有误，请发送正确体温，如：更正 36.6',
    ].join('\n'),

  alertPush(a: {
    id: number;
    severity: Severity;
    name: string;
    window: string;
    report: ReportFacts;
    time: string;
    findings: FindingFacts[];
    reporter?: string;
    onRoster: boolean | null;
    leadsTold: boolean;
    /** The slot's earlier readings today, when this one is a re-test. */
    earlier?: SlotReading[];
    /** The incidents whose confirmed close contact (under observation) the person is. */
    contactOf?: { incidentId: number; until: string }[];
  }) {
    const roster = a.onRoster === null ? '今日未排班' : a.onRoster ? `在今日排班表上${a.leadsTold ? '，已通知窗口负责人安排替班' : ''}` : '不在今日排班表上';
    return [
      `【防疫告警 #${a.id}｜${SEVERITY_LABEL[a.severity]}】`,
      `人员：${a.name}（${a.window || '未分配窗口'}）`,
      `上报：${describeReport(a.report)}（${a.time}${a.reporter ? `，${a.reporter} 代报` : ''}）`,
      a.earlier?.length ? readingMessages.retestNote(a.report.slot, a.earlier) : '',
      `异常：${a.findings.map((f) => f.what).join('、')}`,
      a.contactOf?.length ? contactMessages.contactOf(a.contactOf) : '',
      `处置要求：${instructions(a.findings)}`,
      `排班：${roster}`,
      `处置后请回复：处置 ${a.id} 处置情况`,
    ]
      .filter(Boolean)
      .join('\n');
  },

  replacementNeeded: (a: { id: number; name: string; report: ReportFacts; findings: FindingFacts[] }) =>
    `【替班提醒】${a.name} 在今日排班表上，但 ${describeReport(a.report)}（${a.findings.map((f) => f.what).join('、')}，告警 #${a.id}），按规定不得上岗。请安排替班。`,

  morningNudge: (date: string) =>
    `【晨检提醒】今天（${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日）还没有收到你的晨检体温，请尽快测量并上报，如：${EXAMPLE}`,

  /** `kind` manual: opened by a leader's 启动应急, about no staff member (the reasons are the situation); visitor: a visitor at the door (name with masked phone). */
  escalation: (a: { id: number; kind: string; name: string; window: string; reasons: string; instruction: string; openedAt: string; repush: number; last: boolean }) =>
    [
      `【告警未处置·第 ${a.repush} 次提醒】#${a.id}`,
      a.kind === 'manual' ? `${a.openedAt} 人工启动应急` : a.kind === 'visitor' ? `访客：${a.name}，${a.openedAt} 门岗登记` : `人员：${a.name}（${a.window || '未分配窗口'}），${a.openedAt} 上报`,
      `${a.kind === 'manual' ? '情况' : '异常'}：${a.reasons}`,
      `处置要求：${combinedInstruction([a.instruction])}`,
      a.last ? '已提醒 3 次仍未处置，已标记为升级，请领导小组立即处置。' : '',
      `处置后请回复：处置 ${a.id} 处置情况`,
    ]
      .filter(Boolean)
      .join('\n'),

  /** Reported / expected by window for one slot, the missing names (a screenful), and open alerts. */
  slotSummary(title: string, days: WindowDay[], slot: DailySlot, alerts: AlertLine[], observed: ObservedPeriod, maxWindows = 30) {
    const totals = dayTotals(days);
    const [expected, reported] = [totals.expected, totals.reported[slot]];
    const lines = [title, `${SLOT_LABEL[slot]}：已报 ${reported}/${expected} 人，未报 ${expected - reported} 人`];
    const behind = days.filter((d) => missing(d, slot).length > 0);
    for (const day of behind.slice(0, maxWindows)) {
      lines.push(`${day.window} ${day.reported[slot].size}/${day.expected.length}，未报：${someNames(missing(day, slot).map((p) => p.name), 10)}`);
    }
    if (behind.length > maxWindows) lines.push(`另有 ${behind.length - maxWindows} 个窗口未报齐`);
    if (days.length > behind.length) lines.push(`其余 ${days.length - behind.length} 个窗口已全部上报`);
    lines.push(alerts.length ? `未处置告警 ${alerts.length} 条：` : '未处置告警：无');
    for (const a of alerts.slice(0, 10)) lines.push(`#${a.id} ${alertWho(a)}${a.window ? `（${a.window}）` : ''}${a.reasons}｜${SEVERITY_LABEL[a.severity]}`);
    if (alerts.length > 10) lines.push(`…另有 ${alerts.length - 10} 条`);
    lines.push(...readingMessages.observedPeriodLines(observed));
    return lines.join('\n');
  },

  acknowledged: (a: { id: number; name: string; by: string; note: string; at: string }) => `【告警已处置】#${a.id} ${a.name}：${a.by} 于 ${a.at} 处置——${a.note}`,
  alreadyAcknowledged: (id: number, by: string, at: string, note: string) => `告警 #${id} 已由 ${by} 于 ${at} 处置：${note}`,
  unknownAlert: (id: string) => `没有编号为「${id}」的告警。`,
  ackUsage: () => '请写明告警编号和处置情况，如：处置 12 已安排居家观察',
  ackDone: (id: number, name: string) => `已记录告警 #${id}（${name}）的处置情况，并通知领导小组。`,
  dashboardLink: (a: { name: string; scope: string; url: string; until: string }) =>
    `【防疫看板】${a.name}的个人看板（${a.scope}），${a.until} 前有效，请勿转发：\n${a.url}`,

  /** Every current reading of the last 7 days; a re-test says so, a corrected one names the value it replaced. */
  myRecords(days: { date: string; reports: (ReportFacts & { status: Severity; reporter?: string; retest: boolean; replaced: number | null })[] }[]) {
    const lines = ['近 7 天的体温记录：'];
    for (const day of days) {
      const items = day.reports.map(
        (r) =>
          `${SLOT_LABEL[r.slot]}${r.retest ? '复测' : ''} ${celsius(r.temperature)}${r.healthCode ? ` ${CODE_LABEL[r.healthCode]}` : ''}${r.symptoms?.length ? ` ${r.symptoms.join('、')}` : ''}` +
          `${r.status === 'normal' ? '' : `（${SEVERITY_LABEL[r.status]}）`}${r.reporter ? `（${r.reporter}代报）` : ''}${r.replaced === null ? '' : `（已更正，原 ${celsius(r.replaced)}）`}`,
      );
      lines.push(`${day.date.slice(5)}：${items.length ? items.join('；') : '无记录'}`);
    }
    return lines.join('\n');
  },
};


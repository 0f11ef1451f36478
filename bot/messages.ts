import type { HealthCode, Role, Severity, Slot } from '../entities';
import { celsius, CODE_LABEL, ROLE_LABEL, SEVERITY_LABEL, SLOT_LABEL } from './labels';

/** One report as the sentences about it need it. */
export interface ReportFacts {
  date: string;
  slot: Slot;
  temperature: number;
  healthCode: HealthCode | null;
  /** null: not mentioned; []: declared none */
  symptoms: string[] | null;
}

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
  return [...new Set(findings.map((f) => f.instruction))].join('；');
}

/**
 * Every sentence the bot says, zh-CN, in one place. Tests assert on the facts
 * inside a reply (numbers, names, keywords), so wording can change freely.
 */
export const messages = {
  unregistered: () => '你好！你还不在本大厅的人员名单中，暂时无法使用防疫值守助手。请联系所在窗口负责人或系统管理员登记后再试。',
  nonText: () => `暂时只能识别文字消息。上报体温请直接发送，如：${EXAMPLE}。${HINT}`,
  emptyText: () => `请发送文字，如：${EXAMPLE}。${HINT}`,
  unknownCommand: (text: string) => `没看懂「${clip(text)}」。上报体温请发送如：${EXAMPLE}。${HINT}`,
  notAllowed: (command: string, role: Role) => `「${command}」不在${ROLE_LABEL[role]}可用的命令中。${HINT}`,
  systemBusy: () => '系统繁忙，请稍后再试。',

  missingTemperature: () => `没有找到体温数值，未记录。请发送如：${EXAMPLE}`,
  decimalMissing: (value: number, suggestion: number) =>
    `体温「${value}」不在合理范围，未记录。是否想上报 ${celsius(suggestion)}？请重新发送，如：体温 ${suggestion.toFixed(1)}`,
  fahrenheit: (value: number, c: number) =>
    `「${value}」看起来是华氏度（约 ${celsius(c)}），未记录。请用摄氏度上报，如：体温 ${c.toFixed(1)}`,
  outOfRange: (value: number) => `体温 ${value}℃ 超出合理范围（35.0–42.0℃），未记录。请复测后重新发送。`,
  severalTemperatures: (values: number[]) => `一条消息里有多个体温（${values.join('、')}），未记录。请只发一个体温。`,
  conflictingCodes: (codes: HealthCode[]) => `健康码只能填一种（${codes.map((c) => CODE_LABEL[c]).join('、')}），未记录。请重新发送。`,
  conflictingSlots: (slots: Slot[]) => `时段只能填一个（${slots.map((s) => SLOT_LABEL[s]).join('、')}），未记录。请重新发送。`,
  unknownWords: (words: string[]) => `没看懂「${words.map(clip).join('」「')}」，未记录。上报示例：${EXAMPLE}。${HINT}`,
  missingName: () => '请写明代报对象的姓名，如：代报 张三 36.5 绿码',
  unknownPerson: (name: string) => `名单中没有「${clip(name)}」，未记录。请核对姓名。`,
  ambiguousPerson: (name: string, windows: string[]) => `名单中有多位「${name}」（${windows.join('、')}），请联系管理员区分后再代报。`,
  notOwnWindow: (name: string, window: string) => `${name} 属于「${window || '未分配窗口'}」，窗口负责人只能为本窗口人员代报。`,

  reportSaved(r: ReportFacts, severity: Severity, findings: FindingFacts[], extra: { alertId?: number; previous?: ReportFacts; behalfOf?: string; correctionWithoutPrevious?: boolean }) {
    const lines = [`${extra.behalfOf ? `已为 ${extra.behalfOf} 代报` : '已记录'}：${describeReport(r)}。`];
    if (extra.previous) lines.push(`已更正：此前上报的 ${celsius(extra.previous.temperature)} 作废，以本次为准。`);
    if (extra.correctionWithoutPrevious) lines.push(`${SLOT_LABEL[r.slot]}此前没有记录，已按本次上报保存。`);
    if (severity === 'normal') {
      lines.push('结果：正常。');
    } else {
      lines.push(`结果：${SEVERITY_LABEL[severity]}（${findings.map((f) => f.what).join('、')}）${extra.alertId ? `，已上报领导小组（告警 #${extra.alertId}）` : ''}。`);
      lines.push(`请立即：${instructions(findings)}。`);
    }
    return lines.join('\n');
  },

  behalfNotice: (reporter: string, r: ReportFacts, severity: Severity, findings: FindingFacts[]) =>
    [
      `${reporter} 已为你代报：${describeReport(r)}。`,
      severity === 'normal' ? '结果：正常。' : `结果：${SEVERITY_LABEL[severity]}。请立即：${instructions(findings)}。`,
      '如有误，请发送「更正 体温」更正。',
    ].join('\n'),

  alertPush(a: { id: number; severity: Severity; name: string; window: string; report: ReportFacts; time: string; findings: FindingFacts[]; reporter?: string; onRoster: boolean | null; leadsTold: boolean }) {
    const roster = a.onRoster === null ? '今日未排班' : a.onRoster ? `在今日排班表上${a.leadsTold ? '，已通知窗口负责人安排替班' : ''}` : '不在今日排班表上';
    return [
      `【防疫告警 #${a.id}｜${SEVERITY_LABEL[a.severity]}】`,
      `人员：${a.name}（${a.window || '未分配窗口'}）`,
      `上报：${describeReport(a.report)}（${a.time}${a.reporter ? `，${a.reporter} 代报` : ''}）`,
      `异常：${a.findings.map((f) => f.what).join('、')}`,
      `处置要求：${instructions(a.findings)}`,
      `排班：${roster}`,
      `处置后请回复：处置 ${a.id} 处置情况`,
    ].join('\n');
  },

  replacementNeeded: (a: { id: number; name: string; report: ReportFacts; findings: FindingFacts[] }) =>
    `【替班提醒】${a.name} 在今日排班表上，但 ${describeReport(a.report)}（${a.findings.map((f) => f.what).join('、')}，告警 #${a.id}），按规定不得上岗。请安排替班。`,

  alertCorrected: (a: { ids: number[]; name: string; previous: ReportFacts; current: ReportFacts; severity: Severity }) =>
    `【更正】${a.name} 已将 ${a.previous.date} ${SLOT_LABEL[a.previous.slot]} 的 ${celsius(a.previous.temperature)} 更正为 ${describeReport(a.current)}（${SEVERITY_LABEL[a.severity]}）。告警 #${a.ids.join('、#')} 仍待处置，请核实后回复：处置 编号 处置情况`,

  myRecords(days: { date: string; reports: (ReportFacts & { status: Severity; reporter?: string })[] }[]) {
    const lines = ['近 7 天的体温记录：'];
    for (const day of days) {
      const items = day.reports.map(
        (r) => `${SLOT_LABEL[r.slot]} ${celsius(r.temperature)}${r.healthCode ? ` ${CODE_LABEL[r.healthCode]}` : ''}${r.symptoms?.length ? ` ${r.symptoms.join('、')}` : ''}${r.status === 'normal' ? '' : `（${SEVERITY_LABEL[r.status]}）`}${r.reporter ? `（${r.reporter}代报）` : ''}`,
      );
      lines.push(`${day.date.slice(5)}：${items.length ? items.join('；') : '无记录'}`);
    }
    return lines.join('\n');
  },
};

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

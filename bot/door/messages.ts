import type { HealthCode, Severity } from '../../entities';
import { combinedInstruction } from '../alerts/instruction';
import { visitorContactLabel } from '../incidents/visitor-contacts';
import { celsius, CODE_LABEL, SEVERITY_LABEL } from '../labels';
import { clip } from '../text';
import { maskPhone, SAMPLE_MOBILE } from '../privacy/numbers';
import type { DoorDay, VisitorRow } from './store';

const EXAMPLE = `登记 张三 ${SAMPLE_MOBILE} 住址 幸福小区 行程 无 窗口 2号窗口 36.5 绿码`;

/** A visitor's check as people read it: 体温 36.5℃，绿码，无症状. */
export function describeCheck(v: { temperature: number | null; healthCode: HealthCode | null; symptoms: string | null }): string {
  const parts = [v.temperature === null ? '未测体温' : `体温 ${celsius(v.temperature)}`, v.healthCode ? CODE_LABEL[v.healthCode] : '未出示健康码'];
  if (v.symptoms !== null) parts.push(v.symptoms ? `症状：${v.symptoms}` : '无症状');
  return parts.join('，');
}

/** `张三（138****1111）`: a visitor is always named with the masked phone. */
export function visitorLabel(v: { name: string; phone: string }): string {
  return visitorContactLabel({ name: v.name, phoneMasked: maskPhone(v.phone) });
}

function particulars(v: Pick<VisitorRow, 'window' | 'address' | 'travel'>): string {
  return [v.window ? `办理：${v.window}` : '', v.address ? `住址：${v.address}` : '', v.travel ? `行程：${v.travel}` : ''].filter(Boolean).join('；');
}

/** The door's sentences (SPEC §12). Phone numbers only ever masked. */
export const doorMessages = {
  missingPhone: () => `没有找到手机号，未登记。请写上访客的 11 位手机号，如：${EXAMPLE}`,
  badPhone: (digits: number) => `手机号不正确（收到 ${digits} 位数字；应为 11 位、以 13–19 开头的大陆手机号），未登记。请核对后重新发送，如：${EXAMPLE}`,
  severalPhones: () => `一条消息里有多个手机号，未登记。请一次登记一位访客，如：${EXAMPLE}`,
  missingName: () => `请把访客姓名写在最前面，未登记。如：${EXAMPLE}`,
  notAtDoor: () => `访客登记由门岗或领导小组成员办理。发送「帮助」查看你可用的命令。`,

  /** The guard's reply to a registration. */
  registered(v: VisitorRow, findings: { what: string; instruction: string }[], read: { unused: string[]; idNumberLeftOut: boolean }, alertId?: number): string {
    const lines = [`已登记访客：${visitorLabel(v)}（#${v.id}）`];
    const more = particulars(v);
    if (more) lines.push(more);
    lines.push(`检查：${describeCheck(v)}`);
    if (v.status === 'normal') lines.push(v.healthCode ? '结果：正常，可以进入。' : '结果：未见异常（无码人员，已登记），可以进入。');
    else {
      lines.push(`结果：${SEVERITY_LABEL[v.status]}（${findings.map((f) => f.what).join('、')}），已上报领导小组（告警 #${alertId}）。`);
      lines.push(`门岗处置：${combinedInstruction(findings.map((f) => f.instruction))}。`);
    }
    if (read.idNumberLeftOut) lines.push('身份证号码无需登记，未保存。');
    if (read.unused.length) lines.push(`未识别的内容：「${read.unused.map(clip).join('」「')}」（已忽略）。`);
    return lines.join('\n');
  },

  /** The push to the leadership group about a visitor's anomaly. */
  visitorAlert(v: VisitorRow, a: { severity: Exclude<Severity, 'normal'>; time: string; alertId: number }): string {
    const more = particulars(v);
    return [
      `【访客告警 #${a.alertId}｜${SEVERITY_LABEL[a.severity]}】`,
      `访客：${visitorLabel(v)}`,
      more,
      `检查：${describeCheck(v)}（${a.time}，门岗 ${v.guardName ?? '—'} 登记）`,
      `异常：${v.reasons}`,
      `门岗处置：${combinedInstruction([v.instruction])}`,
      `处置后请回复：处置 ${a.alertId} 处置情况`,
    ]
      .filter(Boolean)
      .join('\n');
  },

  /** `今日访客`. */
  today(day: DoorDay, time: (v: VisitorRow) => string): string {
    const lines = [`【今日访客】${day.date} 共 ${day.total} 人${day.withoutCode ? `（未出示健康码 ${day.withoutCode} 人）` : ''}`];
    if (day.total === 0) return lines.join('\n');
    lines.push(`按小时：${day.byHour.map((h) => `${String(h.hour).padStart(2, '0')}时 ${h.count}`).join('，')}`);
    if (day.anomalies.length === 0) lines.push('异常：无');
    else {
      lines.push(`异常 ${day.anomalies.length} 人：`);
      for (const v of day.anomalies.slice(0, 30)) {
        lines.push(`· ${v.alertId ? `#${v.alertId} ` : ''}${time(v)} ${visitorLabel(v)} ${v.reasons}（${SEVERITY_LABEL[v.status]}）${v.window ? `，办理 ${v.window}` : ''}`);
      }
      if (day.anomalies.length > 30) lines.push(`…另有 ${day.anomalies.length - 30} 人，详见看板`);
    }
    return lines.join('\n');
  },
};

import type { Severity, Slot } from '../../entities';
import type { HealthCheckScope, ObservedPeriod } from './period';
import { contactMessages } from '../incidents/contact-messages';
import { celsius, SEVERITY_LABEL, SLOT_LABEL } from '../labels';
import { describeAnomaly, type ObservedAnomaly } from './observation';

/** One reading of a slot as the re-test reply lists it. */
export interface SlotReading {
  /** HH:mm local. */
  time: string;
  temperature: number;
  status: Severity;
  alertId: number | null;
  alertOpen: boolean;
}

/** A reading that an explicit 更正 replaced, with the alert it had raised. */
export interface ReplacedReading {
  time: string;
  temperature: number;
  alertId: number | null;
  alertOpen: boolean;
}

const alertState = (id: number, open: boolean) => `告警 #${id} ${open ? '待处置' : '已处置'}`;

function listReading(r: SlotReading): string {
  const state = r.status === 'normal' ? '正常' : `${SEVERITY_LABEL[r.status]}${r.alertId === null ? '' : `，${alertState(r.alertId, r.alertOpen)}`}`;
  return `${r.time} ${celsius(r.temperature)}（${state}）`;
}

/** The anomalies of the observation period, newest first, at most `max` named (SPEC §3.1). */
function observedLines(anomalies: ObservedAnomaly[], scope: HealthCheckScope, max = 10): string[] {
  const title = `近 ${scope.observationDays} 天（观察期）异常`;
  if (anomalies.length === 0) return [`${title}：无`];
  const people = new Set(anomalies.map((a) => a.staffId)).size;
  const newest = [...anomalies].reverse();
  const lines = [`${title} ${anomalies.length} 次（${people} 人）：`];
  for (const a of newest.slice(0, max)) lines.push(`${a.name}（${a.window || '未分配窗口'}）${describeAnomaly(a, scope.today, scope.timezone)}`);
  if (newest.length > max) lines.push(`…另有 ${newest.length - max} 次`);
  return lines;
}

/** The observation period under a summary or 今日统计: its anomalies, then the close contacts under observation. */
function observedPeriodLines(observed: ObservedPeriod): string[] {
  return [...observedLines(observed.anomalies, observed.scope), ...contactMessages.observedLines(observed.contacts, observed.scope)];
}

/** The sentences about readings kept side by side (re-tests, corrections, duplicates), merged into `messages`. */
export const readingMessages = {
  observedPeriodLines,

  /** The re-test lines of a report reply: it is a 复测, the slot's readings today, and that an earlier anomaly still stands. */
  retestLines(slot: Slot, readings: SlotReading[], currentNormal: boolean): string[] {
    const lines = [`这是今天${SLOT_LABEL[slot]}的第 ${readings.length} 次测量（复测），每次都保留：${readings.map(listReading).join('；')}。`];
    const earlier = readings.slice(0, -1).filter((r) => r.status !== 'normal');
    if (currentNormal && earlier.length) {
      const alerts = earlier.filter((r) => r.alertId !== null).map((r) => alertState(r.alertId!, r.alertOpen));
      lines.push(`此前的异常仍在观察期内，不因本次复测撤销${alerts.length ? `（${alerts.join('，')}）` : ''}。`);
    }
    return lines;
  },

  /** For an alert raised by a re-test: the slot's earlier readings today, so leaders see one person measured again. */
  retestNote: (slot: Slot, earlier: SlotReading[]) => `复测：今天${SLOT_LABEL[slot]}第 ${earlier.length + 1} 次测量，此前 ${earlier.map(listReading).join('；')}`,

  /** The correction line of a report reply: what 更正 replaced, and the alert it had raised. */
  correctionLine(replaced: ReplacedReading): string {
    const alert = replaced.alertId === null ? '' : `原${alertState(replaced.alertId, replaced.alertOpen)}${replaced.alertOpen ? '，已告知领导小组，由领导处置后关闭' : ''}。`;
    return `已更正：${replaced.time} 上报的 ${celsius(replaced.temperature)} 作废（保留在历史记录中），以本次为准。${alert}`;
  },

  alreadyRecorded: (slot: Slot, temperature: number, time: string, behalfOf?: string) =>
    `${behalfOf ? `${behalfOf} 的` : ''}${SLOT_LABEL[slot]} ${celsius(temperature)} 已记录（${time} 上报），本次相同，不重复保存。如上报有误，请发送正确体温，如：${behalfOf ? `代报 ${behalfOf} 更正 36.6` : '更正 36.6'}`,

  /** To the leadership group: a reading that had raised an alert was replaced by 更正; the alert stays open until handled. */
  alertCorrected(a: { name: string; date: string; slot: Slot; replaced: ReplacedReading & { alertId: number }; current: string; severity: Severity }) {
    const state = a.replaced.alertOpen ? `告警 #${a.replaced.alertId} 仍待处置，请核实后回复：处置 ${a.replaced.alertId} 处置情况` : `告警 #${a.replaced.alertId} 已处置，请知悉。`;
    return `【更正】${a.name} 将 ${a.date} ${SLOT_LABEL[a.slot]} ${a.replaced.time} 上报的 ${celsius(a.replaced.temperature)} 更正为 ${a.current}（${SEVERITY_LABEL[a.severity]}）。${state}`;
  },
};

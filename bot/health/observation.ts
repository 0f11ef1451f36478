import type { Severity, Slot } from '../../entities';
import type { Sql } from '../db/database';
import { celsius, CODE_LABEL, SEVERITY_LABEL } from '../labels';
import { addDays, localWhen } from '../time';

/** An anomalous reading still within the observation period, with the alert it raised. */
export interface ObservedAnomaly {
  reportId: number;
  staffId: number;
  name: string;
  window: string;
  date: string;
  slot: Slot;
  /** When it was received, ISO 8601 UTC. */
  receivedAt: string;
  temperature: number;
  healthCode: 'green' | 'yellow' | 'red' | null;
  symptoms: string | null;
  severity: Exclude<Severity, 'normal'>;
  /** The alert it raised; null when none (a drill, or imported history). */
  alertId: number | null;
  /** Whether that alert still waits for a leader. */
  alertOpen: boolean;
}

/** The first day of the observation period ending `today` (today counts as day 1). */
export function observationStart(today: string, days: number): string {
  return addDays(today, -(days - 1));
}

/**
 * Every anomalous reading of the last `days` days up to `today`, oldest first
 * (SPEC §3.1: an anomaly counts for OBSERVATION_DAYS whatever readings follow
 * it): re-tests never hide one, only a 更正 that replaced it as a typing
 * mistake does. One query whatever the size of the hall; optionally of one window.
 */
export async function observedAnomalies(sql: Sql, today: string, days: number, onlyWindow?: string): Promise<ObservedAnomaly[]> {
  const params: unknown[] = [observationStart(today, days), today];
  if (onlyWindow !== undefined) params.push(onlyWindow);
  const rows = await sql.all<ObservedAnomaly & { reportId: unknown; staffId: unknown; temperature: unknown; alertId: unknown; alertStatus: string | null }>(
    `SELECT r.id AS "reportId", r.staff_id AS "staffId", s.name, s.window_name AS "window", r.date, r.slot, r.received_at AS "receivedAt",
            r.temperature, r.health_code AS "healthCode", r.symptoms, r.status AS severity, a.id AS "alertId", a.status AS "alertStatus"
       FROM report r JOIN staff s ON s.id = r.staff_id LEFT JOIN alert a ON a.report_id = r.id
      WHERE r.date >= ? AND r.date <= ? AND r.status <> 'normal' AND r.superseded_at IS NULL${onlyWindow !== undefined ? ' AND s.window_name = ?' : ''}
      ORDER BY r.received_at, r.id`,
    params,
  );
  return rows.map((r) => ({
    reportId: Number(r.reportId),
    staffId: Number(r.staffId),
    name: r.name,
    window: r.window,
    date: r.date,
    slot: r.slot,
    receivedAt: r.receivedAt,
    temperature: Number(r.temperature),
    healthCode: r.healthCode,
    symptoms: r.symptoms,
    severity: r.severity,
    alertId: r.alertId === null || r.alertId === undefined ? null : Number(r.alertId),
    alertOpen: r.alertStatus === 'open',
  }));
}

/**
 * One anomaly as every message and page says it: when (a date with the time
 * when not today), what, and the state of its alert — e.g.
 * `11月22日 07:55 37.8℃、咳嗽（严重，告警 #5 已处置）`.
 */
export function describeAnomaly(a: ObservedAnomaly, today: string, timeZone: string): string {
  const what = [celsius(a.temperature), a.healthCode && a.healthCode !== 'green' ? CODE_LABEL[a.healthCode] : '', a.symptoms ?? ''].filter(Boolean).join('、');
  const alert = a.alertId === null ? '' : `，告警 #${a.alertId} ${a.alertOpen ? '待处置' : '已处置'}`;
  return `${localWhen(new Date(a.receivedAt), today, timeZone)} ${what}（${SEVERITY_LABEL[a.severity]}${alert}）`;
}

/** The anomalies by person, in the order of their first anomaly. */
export function byPerson(anomalies: ObservedAnomaly[]): Map<number, ObservedAnomaly[]> {
  const people = new Map<number, ObservedAnomaly[]>();
  for (const a of anomalies) people.set(a.staffId, [...(people.get(a.staffId) ?? []), a]);
  return people;
}

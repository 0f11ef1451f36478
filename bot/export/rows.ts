import type { Database } from '../db/database';
import { CODE_LABEL, SLOT_LABEL } from '../labels';
import { localIso } from '../time';
import type { HealthCode, Slot } from '../../entities';

/** The report columns, exactly as SPEC §6 names them. */
export const REPORT_HEADER = ['date', 'slot', 'name', 'window', 'temperature', 'health_code', 'symptoms', 'status', 'reported_at', 'reported_by'];
export const ALERT_HEADER = ['number', 'severity', 'name', 'window', 'reasons', 'instruction', 'opened_at', 'status', 'acknowledged_by', 'acknowledged_at', 'note', 'escalated_at'];
export const ROSTER_HEADER = ['date', 'window', 'names', 'closed', 'submitted_by', 'submitted_at', 'late'];

export interface ExportRange {
  from: string;
  to: string;
  history: boolean;
  timezone: string;
}

const iso = (value: unknown, timezone: string) => (value ? localIso(new Date(String(value)), timezone) : '');

/** One row per report dated within the range (current ones only, unless `history`). One query. */
export async function reportRows(db: Database, r: ExportRange): Promise<string[][]> {
  const rows = await db.all<Record<string, unknown>>(
    `SELECT r.date, r.slot, s.name, s.window_name AS "window", r.temperature, r.health_code AS "code", r.symptoms, r.status,
            r.received_at AS "receivedAt", b.name AS "reporter"
       FROM report r JOIN staff s ON s.id = r.staff_id JOIN staff b ON b.id = r.reported_by_id
      WHERE r.date >= ? AND r.date <= ? ${r.history ? '' : 'AND r.superseded_at IS NULL'}
      ORDER BY r.date, s.window_name, s.name, CASE r.slot WHEN 'morning' THEN 1 WHEN 'midday' THEN 2 ELSE 3 END, r.id`,
    [r.from, r.to],
  );
  return rows.map((row) => [
    String(row.date),
    SLOT_LABEL[row.slot as Slot],
    String(row.name),
    String(row.window),
    Number(row.temperature).toFixed(1),
    row.code ? CODE_LABEL[row.code as HealthCode] : '',
    String(row.symptoms ?? ''),
    String(row.status),
    iso(row.receivedAt, r.timezone),
    String(row.reporter),
  ]);
}

/** Alerts opened within the range (local dates). One query. */
export async function alertRows(db: Database, r: ExportRange): Promise<string[][]> {
  const rows = await db.all<Record<string, unknown>>(
    `SELECT a.id, a.severity, s.name, s.window_name AS "window", a.reasons, a.instruction, a.opened_at AS "openedAt", a.status,
            k.name AS "ackBy", a.acknowledged_at AS "ackAt", a.ack_note AS "note", a.escalated_at AS "escalatedAt", r.date
       FROM alert a JOIN staff s ON s.id = a.staff_id JOIN report r ON r.id = a.report_id LEFT JOIN staff k ON k.id = a.acknowledged_by_id
      WHERE r.date >= ? AND r.date <= ? ORDER BY a.id`,
    [r.from, r.to],
  );
  return rows.map((row) => [
    String(row.id),
    String(row.severity),
    String(row.name),
    String(row.window),
    String(row.reasons),
    String(row.instruction),
    iso(row.openedAt, r.timezone),
    String(row.status),
    String(row.ackBy ?? ''),
    iso(row.ackAt, r.timezone),
    String(row.note ?? ''),
    iso(row.escalatedAt, r.timezone),
  ]);
}

/** Current rosters dated within the range, names joined by 、. Two queries. */
export async function rosterRows(db: Database, r: ExportRange): Promise<string[][]> {
  const rosters = await db.all<Record<string, unknown>>(
    `SELECT ro.id, ro.date, ro.window_name AS "window", ro.closed, b.name AS "submitter", ro.submitted_at AS "submittedAt", ro.late
       FROM roster ro JOIN staff b ON b.id = ro.submitted_by_id
      WHERE ro.date >= ? AND ro.date <= ? AND ro.superseded_at IS NULL ORDER BY ro.date, ro.window_name`,
    [r.from, r.to],
  );
  const entries = await db.all<{ rosterId: unknown; name: string }>(
    `SELECT e.roster_id AS "rosterId", s.name FROM roster_entry e JOIN roster ro ON ro.id = e.roster_id JOIN staff s ON s.id = e.staff_id
      WHERE ro.date >= ? AND ro.date <= ? AND ro.superseded_at IS NULL ORDER BY e.id`,
    [r.from, r.to],
  );
  const names = new Map<number, string[]>();
  for (const e of entries) names.set(Number(e.rosterId), [...(names.get(Number(e.rosterId)) ?? []), e.name]);
  return rosters.map((row) => [
    String(row.date),
    String(row.window),
    (names.get(Number(row.id)) ?? []).join('、'),
    row.closed ? 'yes' : 'no',
    String(row.submitter),
    iso(row.submittedAt, r.timezone),
    row.late ? 'yes' : 'no',
  ]);
}

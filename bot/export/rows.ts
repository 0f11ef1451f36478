import type { HealthCode, Slot } from '../../entities';
import type { Database } from '../db/database';
import { CODE_LABEL, SLOT_LABEL } from '../labels';
import { addDays, localIso, zonedInstant } from '../time';
import { ranks } from './chinese';
import { ALERT_SUBJECT_JOIN, ALERT_SUBJECT_NAME, ALERT_SUBJECT_WINDOW, REAL_ALERT } from '../alerts/subject';

/** The report columns, exactly as SPEC §6 names them. */
export const REPORT_HEADER = ['date', 'slot', 'name', 'window', 'temperature', 'health_code', 'symptoms', 'status', 'reported_at', 'reported_by'] as const;
/** The alert sheet of the xlsx. */
export const ALERT_HEADER = ['number', 'severity', 'name', 'window', 'reasons', 'instruction', 'opened_at', 'status', 'acknowledged_by', 'acknowledged_at', 'note', 'escalated_at'] as const;
/** The roster sheet of the xlsx. */
export const ROSTER_HEADER = ['date', 'window', 'names', 'closed', 'submitted_by', 'submitted_at', 'late'] as const;

/** What to export: local dates `from`–`to` inclusive (YYYY-MM-DD), read in the hall's `timezone`. */
export interface ExportRange {
  from: string;
  to: string;
  /** Superseded (corrected) reports too, not only the current ones. */
  history: boolean;
  timezone: string;
}

/** A report row as selected, with the names of its person and of whoever sent it. */
interface StoredReport {
  id: number;
  staffId: number;
  date: string;
  slot: Slot;
  name: string;
  window: string;
  temperature: unknown;
  code: HealthCode | null;
  symptoms: string | null;
  status: string;
  receivedAt: string;
  reporter: string;
}

const SLOT_ORDER: Record<Slot, number> = { morning: 0, midday: 1, leave: 2, extra: 3 };

/** An ISO-8601 UTC timestamp as stored, shown with the hall's offset; '' for none. */
const local = (value: unknown, timezone: string) => (value ? localIso(new Date(String(value)), timezone) : '');
const yesNo = (value: unknown) => (value ? 'yes' : 'no');
/** Code-point order, for YYYY-MM-DD dates. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One row per report dated within the range (current ones only, unless
 * `history`), ordered by date, window, name, slot. One query.
 */
export async function reportRows(db: Database, range: ExportRange): Promise<string[][]> {
  const rows = await db.all<StoredReport>(
    `SELECT r.id, r.staff_id AS "staffId", r.date, r.slot, s.name, s.window_name AS "window", r.temperature, r.health_code AS "code",
            r.symptoms, r.status, r.received_at AS "receivedAt", b.name AS "reporter"
       FROM report r JOIN staff s ON s.id = r.staff_id JOIN staff b ON b.id = r.reported_by_id
      WHERE r.date >= ? AND r.date <= ?${range.history ? '' : ' AND r.superseded_at IS NULL'}`,
    [range.from, range.to],
  );
  const windowRank = ranks(rows.map((r) => r.window));
  const nameRank = ranks(rows.map((r) => r.name));
  rows.sort(
    (a, b) =>
      compareText(a.date, b.date) ||
      windowRank(a.window) - windowRank(b.window) ||
      nameRank(a.name) - nameRank(b.name) ||
      Number(a.staffId) - Number(b.staffId) ||
      SLOT_ORDER[a.slot] - SLOT_ORDER[b.slot] ||
      Number(a.id) - Number(b.id),
  );
  return rows.map((r) => [
    r.date,
    SLOT_LABEL[r.slot],
    r.name,
    r.window,
    Number(r.temperature).toFixed(1),
    r.code ? CODE_LABEL[r.code] : '',
    r.symptoms ?? '',
    r.status,
    local(r.receivedAt, range.timezone),
    r.reporter,
  ]);
}

/** Alerts opened within the range (by the hall's local date), by number. One query. */
export async function alertRows(db: Database, range: ExportRange): Promise<string[][]> {
  const rows = await db.all<Record<string, unknown>>(
    `SELECT a.id, a.severity, ${ALERT_SUBJECT_NAME} AS name, ${ALERT_SUBJECT_WINDOW} AS "window", a.reasons, a.instruction, a.opened_at AS "openedAt", a.status,
            k.name AS "ackBy", a.acknowledged_at AS "ackAt", a.ack_note AS "note", a.escalated_at AS "escalatedAt"
       FROM alert a ${ALERT_SUBJECT_JOIN} LEFT JOIN staff k ON k.id = a.acknowledged_by_id
      WHERE a.opened_at >= ? AND a.opened_at < ? AND ${REAL_ALERT} ORDER BY a.id`,
    [zonedInstant(range.from, 0, 0, range.timezone).toISOString(), zonedInstant(addDays(range.to, 1), 0, 0, range.timezone).toISOString()],
  );
  return rows.map((r) => [
    String(r.id),
    String(r.severity),
    String(r.name),
    String(r.window),
    String(r.reasons),
    String(r.instruction),
    local(r.openedAt, range.timezone),
    String(r.status),
    String(r.ackBy ?? ''),
    local(r.ackAt, range.timezone),
    String(r.note ?? ''),
    local(r.escalatedAt, range.timezone),
  ]);
}

/** Current rosters dated within the range, by date and window, names joined by 、 in roster order. Two queries. */
export async function rosterRows(db: Database, range: ExportRange): Promise<string[][]> {
  const rosters = await db.all<{ id: number; date: string; window: string; closed: unknown; submitter: string; submittedAt: string; late: unknown }>(
    `SELECT ro.id, ro.date, ro.window_name AS "window", ro.closed, b.name AS "submitter", ro.submitted_at AS "submittedAt", ro.late
       FROM roster ro JOIN staff b ON b.id = ro.submitted_by_id
      WHERE ro.date >= ? AND ro.date <= ? AND ro.superseded_at IS NULL`,
    [range.from, range.to],
  );
  const entries = await db.all<{ rosterId: unknown; name: string }>(
    `SELECT e.roster_id AS "rosterId", s.name FROM roster_entry e JOIN roster ro ON ro.id = e.roster_id JOIN staff s ON s.id = e.staff_id
      WHERE ro.date >= ? AND ro.date <= ? AND ro.superseded_at IS NULL ORDER BY e.id`,
    [range.from, range.to],
  );
  const names = new Map<number, string[]>();
  for (const e of entries) {
    const list = names.get(Number(e.rosterId)) ?? [];
    list.push(e.name);
    names.set(Number(e.rosterId), list);
  }
  const windowRank = ranks(rosters.map((r) => r.window));
  rosters.sort((a, b) => compareText(a.date, b.date) || windowRank(a.window) - windowRank(b.window));
  return rosters.map((r) => [
    r.date,
    r.window,
    (names.get(Number(r.id)) ?? []).join('、'),
    yesNo(r.closed),
    r.submitter,
    local(r.submittedAt, range.timezone),
    yesNo(r.late),
  ]);
}

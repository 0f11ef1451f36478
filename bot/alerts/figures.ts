import type { Severity, SubjectKind } from '../../entities';
import type { Sql } from '../db/database';
import { addDays, localTime, zonedInstant } from '../time';
import { ALERT_SUBJECT_JOIN, ALERT_SUBJECT_NAME, ALERT_SUBJECT_WINDOW, REAL_ALERT } from './subject';

/**
 * The alert figures every summary shows (STYLE.md "Figures come from one
 * function each"): the alerts still open, and the alerts of a day — staff,
 * visitor and 启动应急 alike, never a drill's. 今日统计, the 08:45 summary, the
 * dashboard, the daily brief and its chart all read them here.
 */

/** An alert as lists show it: whom it is about (a staff member with their window, a visitor, a situation), what, and what to do. */
export interface AlertLine {
  id: number;
  kind: SubjectKind;
  severity: Exclude<Severity, 'normal'>;
  name: string;
  /** The staff member's window; '' for a visitor or a situation. */
  window: string;
  reasons: string;
  instruction: string;
  openedAt: string;
  pushCount: number;
}

/** An alert of a day with what became of it: handled by whom and how, or still open. */
export interface DayAlert extends AlertLine {
  open: boolean;
  handledBy: string | null;
  handledAt: string | null;
  note: string | null;
}

/**
 * Whom an alert is about, as a list names it before its reasons: `张三` (the
 * window beside it where the list shows one), `访客 钱九（138****5678）`, or
 * nothing for a case opened by hand, whose reasons are its situation.
 */
export function alertWho(a: Pick<AlertLine, 'kind' | 'name' | 'window'>, withWindow = false): string {
  if (a.kind === 'visitor') return `访客 ${a.name}`;
  if (a.kind === 'manual') return '';
  return withWindow ? `${a.name}（${a.window || '未分配窗口'}）` : a.name;
}

const COLUMNS = `a.id, a.subject_kind AS kind, a.severity, ${ALERT_SUBJECT_NAME} AS name, ${ALERT_SUBJECT_WINDOW} AS "window", a.reasons, a.instruction,
  a.opened_at AS "openedAt", a.push_count AS "pushCount", a.status, k.name AS "handledBy", a.acknowledged_at AS "handledAt", a.ack_note AS note`;

type Row = Omit<DayAlert, 'open'> & { id: unknown; pushCount: unknown; status: string };

const toAlert = (r: Row): DayAlert => {
  const { status, ...rest } = r;
  return { ...rest, id: Number(r.id), pushCount: Number(r.pushCount), open: status === 'open' };
};

/** The alerts of the hall (or of a window's staff) matching `where`, oldest first unless `order` says otherwise: one query. */
async function alertsWhere(sql: Pick<Sql, 'all'>, where: string, params: unknown[], onlyWindow?: string, order = 'ORDER BY a.id'): Promise<DayAlert[]> {
  const rows = await sql.all<Row>(
    `SELECT ${COLUMNS} FROM alert a ${ALERT_SUBJECT_JOIN} LEFT JOIN staff k ON k.id = a.acknowledged_by_id
      WHERE ${where} AND ${REAL_ALERT}${onlyWindow !== undefined ? ' AND s.window_name = ?' : ''} ${order}`,
    onlyWindow !== undefined ? [...params, onlyWindow] : params,
  );
  return rows.map(toAlert);
}

/** Open (unhandled) alerts of any day, oldest first; a window's are its staff's. */
export async function openAlerts(sql: Pick<Sql, 'all'>, onlyWindow?: string): Promise<AlertLine[]> {
  return alertsWhere(sql, "a.status = 'open'", [], onlyWindow);
}

/** Local dates `from`..`to` as instants: from the first's midnight to the midnight after the last. */
function dayBounds(from: string, to: string, timezone: string): [string, string] {
  return [zonedInstant(from, 0, 0, timezone).toISOString(), zonedInstant(addDays(to, 1), 0, 0, timezone).toISOString()];
}

/** The alerts opened on a local date, handled or not, oldest first. */
export async function alertsOfDay(sql: Pick<Sql, 'all'>, date: string, timezone: string, onlyWindow?: string): Promise<DayAlert[]> {
  return alertsWhere(sql, 'a.opened_at >= ? AND a.opened_at < ?', dayBounds(date, date, timezone), onlyWindow);
}

/** How many alerts were opened on each of the given local dates (consecutive, oldest first): the chart's anomalies. */
export async function alertsPerDay(sql: Pick<Sql, 'all'>, dates: string[], timezone: string, onlyWindow?: string): Promise<number[]> {
  const counts = new Map(dates.map((d) => [d, 0]));
  const bounds = dayBounds(dates[0], dates[dates.length - 1], timezone);
  const rows = await sql.all<{ at: string }>(
    `SELECT a.opened_at AS at FROM alert a ${ALERT_SUBJECT_JOIN} WHERE a.opened_at >= ? AND a.opened_at < ? AND ${REAL_ALERT}${onlyWindow !== undefined ? ' AND s.window_name = ?' : ''}`,
    onlyWindow !== undefined ? [...bounds, onlyWindow] : bounds,
  );
  for (const r of rows) {
    const date = localTime(new Date(r.at), timezone).date;
    if (counts.has(date)) counts.set(date, counts.get(date)! + 1);
  }
  return dates.map((d) => counts.get(d)!);
}

/** The alerts handled since an instant, latest first, at most `limit`: what the dashboard lists as lately handled. */
export async function handledSince(sql: Pick<Sql, 'all'>, since: string, limit: number, onlyWindow?: string): Promise<DayAlert[]> {
  return alertsWhere(sql, "a.status <> 'open' AND a.acknowledged_at >= ?", [since], onlyWindow, `ORDER BY a.acknowledged_at DESC LIMIT ${Math.floor(limit)}`);
}

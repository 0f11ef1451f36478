import type { HealthCode, Severity } from '../../entities';
import type { Sql } from '../db/database';
import { addDays, localIso } from '../time';

/** A stored visitor as the door's queries see it (the phone in full: mask it before it leaves). */
export interface VisitorRow {
  id: number;
  name: string;
  phone: string;
  address: string | null;
  travel: string | null;
  window: string | null;
  temperature: number | null;
  healthCode: HealthCode | null;
  symptoms: string | null;
  status: Severity;
  reasons: string | null;
  instruction: string | null;
  guardId: number;
  /** The alert the anomaly opened; null when normal. */
  alertId: number | null;
  guardName: string | null;
  date: string;
  registeredAt: string;
}

/** A registration to store. */
export type NewVisitor = Omit<VisitorRow, 'id' | 'guardName' | 'alertId'>;

const COLUMNS = `v.id, v.name, v.phone, v.address, v.travel, v.window_name AS "window", v.temperature, v.health_code AS "healthCode", v.symptoms, v.status,
  v.reasons, v.instruction, v.guard_id AS "guardId", v.alert_id AS "alertId", g.name AS "guardName", v.date, v.registered_at AS "registeredAt"`;

function toVisitor(row: Record<string, unknown>): VisitorRow {
  const v = row as unknown as VisitorRow;
  return { ...v, id: Number(v.id), guardId: Number(v.guardId), alertId: v.alertId === null ? null : Number(v.alertId), temperature: v.temperature === null ? null : Number(v.temperature) };
}

/** Stores a registration in the caller's transaction; returns its id. */
export async function insertVisitor(sql: Sql, v: NewVisitor): Promise<number> {
  const [row] = await sql.all<{ id: unknown }>(
    `INSERT INTO visitor (name, phone, address, travel, window_name, temperature, health_code, symptoms, status, reasons, instruction, guard_id, date, registered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [v.name, v.phone, v.address, v.travel, v.window, v.temperature, v.healthCode, v.symptoms, v.status, v.reasons, v.instruction, v.guardId, v.date, v.registeredAt],
  );
  return Number(row.id);
}

/** One visitor by id, or undefined once privacy-purge deleted the record. */
export async function visitorById(sql: Pick<Sql, 'all'>, id: number): Promise<VisitorRow | undefined> {
  const [row] = await sql.all<Record<string, unknown>>(`SELECT ${COLUMNS} FROM visitor v LEFT JOIN staff g ON g.id = v.guard_id WHERE v.id = ?`, [id]);
  return row ? toVisitor(row) : undefined;
}

/** Visitors registered between two instants (inclusive), oldest first. */
export async function visitorsBetween(sql: Pick<Sql, 'all'>, from: Date, to: Date): Promise<VisitorRow[]> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM visitor v LEFT JOIN staff g ON g.id = v.guard_id WHERE v.registered_at >= ? AND v.registered_at <= ? ORDER BY v.registered_at, v.id`,
    [from.toISOString(), to.toISOString()],
  );
  return rows.map(toVisitor);
}

/** Visitors of local dates `from`..`to` (inclusive), optionally only those who came for one window, oldest first. */
export async function visitorsOn(sql: Pick<Sql, 'all'>, from: string, to: string = from, window?: string): Promise<VisitorRow[]> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM visitor v LEFT JOIN staff g ON g.id = v.guard_id
      WHERE v.date >= ? AND v.date <= ?${window === undefined ? '' : ' AND v.window_name = ?'} ORDER BY v.registered_at, v.id`,
    window === undefined ? [from, to] : [from, to, window],
  );
  return rows.map(toVisitor);
}

/** One day at the door: registrations by local hour, the anomalies, and how many showed no code. */
export interface DoorDay {
  date: string;
  total: number;
  /** Registrations by local hour (0–23), only hours with any. */
  byHour: { hour: number; count: number }[];
  anomalies: VisitorRow[];
  withoutCode: number;
}

/** The door's figures of one local date (`今日访客`, the dashboard, the daily brief). */
export async function doorDay(sql: Pick<Sql, 'all'>, date: string, timezone: string): Promise<DoorDay> {
  const visitors = await visitorsOn(sql, date);
  const hours = new Map<number, number>();
  for (const v of visitors) {
    const hour = Number(localIso(new Date(v.registeredAt), timezone).slice(11, 13));
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
  }
  return {
    date,
    total: visitors.length,
    byHour: [...hours].sort(([a], [b]) => a - b).map(([hour, count]) => ({ hour, count })),
    anomalies: visitors.filter((v) => v.status !== 'normal'),
    withoutCode: visitors.filter((v) => v.healthCode === null).length,
  };
}

/** For the daily brief: today's visitors and anomalies, and the door checks of each of the last `days` days (oldest first, today last). */
export interface DoorFigures {
  today: { date: string; visitors: number; anomalies: number };
  perDay: { date: string; checks: number; anomalies: number }[];
}

/** The door's counts for the daily brief: one query, grouped by day. */
export async function doorFigures(sql: Pick<Sql, 'all'>, today: string, days = 14): Promise<DoorFigures> {
  const first = addDays(today, -(days - 1));
  const rows = await sql.all<{ date: string; checks: unknown; anomalies: unknown }>(
    `SELECT date, count(*) AS checks, sum(CASE WHEN status <> 'normal' THEN 1 ELSE 0 END) AS anomalies FROM visitor WHERE date >= ? AND date <= ? GROUP BY date`,
    [first, today],
  );
  const byDate = new Map(rows.map((r) => [r.date, { checks: Number(r.checks), anomalies: Number(r.anomalies ?? 0) }]));
  const perDay = Array.from({ length: days }, (_, i) => addDays(first, i)).map((date) => ({ date, ...(byDate.get(date) ?? { checks: 0, anomalies: 0 }) }));
  const last = perDay[perDay.length - 1];
  return { today: { date: today, visitors: last.checks, anomalies: last.anomalies }, perDay };
}

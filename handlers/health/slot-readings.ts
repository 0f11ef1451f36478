import type { Sql } from '../../bot/db/database';
import type { ReportFacts } from '../../bot/messages';
import { localClock } from '../../bot/time';
import type { HealthCode, Severity, Slot } from '../../entities';

/** A current reading of one person's slot on one day, with the alert it raised. */
export interface StoredReading {
  id: number;
  /** HH:mm local, when it was received. */
  time: string;
  temperature: number;
  healthCode: HealthCode | null;
  symptoms: string[] | null;
  status: Severity;
  alertId: number | null;
  alertOpen: boolean;
}

/** The current readings of a person's slot on a date, oldest first: the first reading and its re-tests. One query. */
export async function slotReadings(sql: Sql, staffId: number, date: string, slot: Slot, timezone: string): Promise<StoredReading[]> {
  const rows = await sql.all<{ id: unknown; temperature: unknown; healthCode: HealthCode | null; symptoms: string | null; status: Severity; receivedAt: string; alertId: unknown; alertStatus: string | null }>(
    `SELECT r.id, r.temperature, r.health_code AS "healthCode", r.symptoms, r.status, r.received_at AS "receivedAt", a.id AS "alertId", a.status AS "alertStatus"
       FROM report r LEFT JOIN alert a ON a.report_id = r.id
      WHERE r.staff_id = ? AND r.date = ? AND r.slot = ? AND r.superseded_at IS NULL ORDER BY r.received_at, r.id`,
    [staffId, date, slot],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    time: localClock(new Date(r.receivedAt), timezone),
    temperature: Number(r.temperature),
    healthCode: r.healthCode,
    symptoms: r.symptoms === null ? null : r.symptoms.split('、').filter(Boolean),
    status: r.status,
    alertId: r.alertId === null || r.alertId === undefined ? null : Number(r.alertId),
    alertOpen: r.alertStatus === 'open',
  }));
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Whether a new report only repeats a stored reading: the same value, and no
 * code or symptoms that differ from it (leaving them out repeats them). Such a
 * message is acknowledged as already recorded, and stores nothing.
 */
export function repeats(stored: StoredReading, report: ReportFacts): boolean {
  if (Math.abs(stored.temperature - report.temperature) > 1e-9) return false;
  if (report.healthCode !== null && report.healthCode !== stored.healthCode) return false;
  return report.symptoms === null || (stored.symptoms !== null && sameSet(stored.symptoms, report.symptoms));
}

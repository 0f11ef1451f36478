import type { HealthCode, Severity, Slot } from '../../../entities';
import type { Sql } from '../../db/database';

/** One reading of a person, as the report and the dashboard show it. */
export interface Reading {
  staffId: number;
  /** null: a drill reading, given in answer to a drill and never a report. */
  slot: Slot | null;
  temperature: number;
  healthCode: HealthCode | null;
  /** '' declared none; null not mentioned. */
  symptoms: string | null;
  /** How the reading was judged; null for a drill reading, which is not. */
  status: Severity | null;
  receivedAt: string;
}

interface Row {
  staffId: unknown;
  slot: Slot | null;
  temperature: unknown;
  healthCode: HealthCode | null;
  symptoms: string | null;
  status: Severity | null;
  receivedAt: string;
}

function byPerson(staffIds: number[], rows: Row[]): Map<number, Reading[]> {
  const map = new Map<number, Reading[]>(staffIds.map((id) => [id, []]));
  for (const r of rows) map.get(Number(r.staffId))?.push({ ...r, staffId: Number(r.staffId), temperature: Number(r.temperature) });
  return map;
}

/**
 * The current readings (corrections applied) of some people from a local
 * date on, oldest first, by person: what a contact reported since the
 * incident's day. One query, whatever the number of people.
 */
export async function readingsFromDay(sql: Sql, staffIds: number[], fromDate: string): Promise<Map<number, Reading[]>> {
  if (staffIds.length === 0) return new Map();
  const rows = await sql.all<Row>(
    `SELECT staff_id AS "staffId", slot, temperature, health_code AS "healthCode", symptoms, status, received_at AS "receivedAt" FROM report
      WHERE superseded_at IS NULL AND date >= ? AND staff_id IN (${staffIds.map(() => '?').join(', ')}) ORDER BY received_at, id`,
    [fromDate, ...staffIds],
  );
  return byPerson(staffIds, rows);
}

/** The readings given in a drill (演练 36.5), oldest first, by person: a drill's contacts answer there, never in reports. */
export async function drillReadings(sql: Sql, incidentId: number, staffIds: number[]): Promise<Map<number, Reading[]>> {
  const rows = await sql.all<Row>(
    `SELECT staff_id AS "staffId", NULL AS slot, temperature, health_code AS "healthCode", symptoms, NULL AS status, received_at AS "receivedAt"
       FROM drill_reading WHERE incident_id = ? ORDER BY received_at, id`,
    [incidentId],
  );
  return byPerson(staffIds, rows);
}

import type { HealthCode, Severity, Slot } from '../../../entities';
import type { Sql } from '../../db/database';

/** One current reading of a person, as the report and the dashboard show it. */
export interface Reading {
  staffId: number;
  date: string;
  slot: Slot;
  temperature: number;
  healthCode: HealthCode | null;
  /** '' declared none; null not mentioned. */
  symptoms: string | null;
  status: Severity;
  receivedAt: string;
}

/**
 * The current readings (corrections applied) of some people from a local
 * date on, oldest first, by person: what a contact reported since the
 * incident's day. One query, whatever the number of people.
 */
export async function readingsSince(sql: Sql, staffIds: number[], fromDate: string): Promise<Map<number, Reading[]>> {
  const byPerson = new Map<number, Reading[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return byPerson;
  const rows = await sql.all<{ staff_id: unknown; date: string; slot: Slot; temperature: unknown; health_code: HealthCode | null; symptoms: string | null; status: Severity; received_at: string }>(
    `SELECT staff_id, date, slot, temperature, health_code, symptoms, status, received_at FROM report
      WHERE superseded_at IS NULL AND date >= ? AND staff_id IN (${staffIds.map(() => '?').join(', ')}) ORDER BY received_at, id`,
    [fromDate, ...staffIds],
  );
  for (const r of rows) {
    byPerson.get(Number(r.staff_id))?.push({
      staffId: Number(r.staff_id),
      date: r.date,
      slot: r.slot,
      temperature: Number(r.temperature),
      healthCode: r.health_code,
      symptoms: r.symptoms,
      status: r.status,
      receivedAt: r.received_at,
    });
  }
  return byPerson;
}

import type { HealthCode } from '../../entities';
import type { Sql } from '../db/database';
import { CODE_LABEL, celsius } from '../labels';
import type { IncidentRow } from '../incidents/store';
import { drillMessages } from './messages';
import { openDrill } from './start';

/** A reading given in a drill: what the contact said, never a report. */
export interface DrillReadingFacts {
  temperature: number;
  healthCode?: HealthCode;
  symptoms: string[] | null;
}

/** Whether a person is a confirmed contact of a drill. */
export async function isDrillContact(sql: Sql, drillId: number, staffId: number): Promise<boolean> {
  const rows = await sql.all("SELECT 1 AS yes FROM incident_contact WHERE incident_id = ? AND staff_id = ? AND status = 'confirmed'", [drillId, staffId]);
  return rows.length > 0;
}

/**
 * The open drill a person's plain reading answers: they were confirmed as its
 * contact and asked, and have not answered yet. Undefined otherwise.
 */
export async function drillAwaitingAnswer(sql: Sql, staffId: number): Promise<IncidentRow | undefined> {
  const drill = await openDrill(sql);
  if (!drill || !(await isDrillContact(sql, drill.id, staffId))) return undefined;
  const answered = await sql.all('SELECT 1 AS yes FROM drill_reading WHERE incident_id = ? AND staff_id = ?', [drill.id, staffId]);
  return answered.length ? undefined : drill;
}

/**
 * Records a drill reading apart from reports (SPEC §11: never in statistics,
 * exports or charts) and returns the contact's reply, marked 【演练】.
 */
export async function recordDrillReading(sql: Sql, a: { drill: IncidentRow; staffId: number; reading: DrillReadingFacts; now: Date }): Promise<string> {
  const { reading } = a;
  await sql.run('INSERT INTO drill_reading (incident_id, staff_id, temperature, health_code, symptoms, received_at) VALUES (?, ?, ?, ?, ?, ?)', [
    a.drill.id,
    a.staffId,
    reading.temperature,
    reading.healthCode ?? null,
    reading.symptoms === null ? null : reading.symptoms.join('、'),
    a.now.toISOString(),
  ]);
  const parts = [celsius(reading.temperature), reading.healthCode ? CODE_LABEL[reading.healthCode] : '', reading.symptoms ? (reading.symptoms.length ? `症状：${reading.symptoms.join('、')}` : '无症状') : ''];
  return drillMessages.readingRecorded(a.drill.id, parts.filter(Boolean).join('，'));
}

/** The drill's readings for its checklist: each contact's latest, by name. */
export async function drillReadingsLine(sql: Sql, drillId: number): Promise<string> {
  const rows = await sql.all<{ name: string; temperature: unknown }>(
    `SELECT s.name, d.temperature FROM drill_reading d JOIN staff s ON s.id = d.staff_id
      WHERE d.incident_id = ? AND d.id = (SELECT max(x.id) FROM drill_reading x WHERE x.incident_id = d.incident_id AND x.staff_id = d.staff_id) ORDER BY d.id`,
    [drillId],
  );
  return drillMessages.readings(rows.map((r) => `${r.name} ${celsius(Number(r.temperature))}`));
}

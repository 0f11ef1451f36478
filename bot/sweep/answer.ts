import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { DailySlot } from '../../entities';
import { findIncident, type IncidentRow } from '../incidents/store';
import { closeSweep } from './result';
import { sweepMessages } from './messages';

/** A running 全员测温 a person has been asked in and not yet answered. */
export interface PendingSweep {
  id: number;
  /** The incident it serves (for a drill's: the drill). */
  incidentId: number | null;
  /** A drill's: its answer is a drill reading, never a report. */
  drill: boolean;
}

/**
 * The running 全员测温 of a kind (real or a drill's) waiting for this
 * person's answer, if any. While one waits, a reading that names no slot is
 * the answer (加测); one that names its slot (午检 36.5) stays that daily
 * check, so a 午检 sent meanwhile is not taken for the 加测, nor the 加测 for it.
 */
export async function pendingSweep(sql: Sql, staffId: number, kind: 'live' | 'drill'): Promise<PendingSweep | undefined> {
  const [row] = await sql.all<{ id: unknown; incidentId: unknown }>(
    'SELECT s.id, s.incident_id AS "incidentId" FROM sweep_person p JOIN sweep s ON s.id = p.sweep_id WHERE p.staff_id = ? AND p.answered_at IS NULL AND s.running = ?',
    [staffId, kind],
  );
  if (!row) return undefined;
  return { id: Number(row.id), incidentId: row.incidentId === null || row.incidentId === undefined ? null : Number(row.incidentId), drill: kind === 'drill' };
}

/** Marks a person's answer; the last one sends the result to the leadership group at once. */
async function answer(sql: Sql, services: Services, a: { sweep: PendingSweep; staffId: number; reportId: number | null; now: Date; today: string }): Promise<void> {
  await sql.run('UPDATE sweep_person SET report_id = ?, answered_at = ? WHERE sweep_id = ? AND staff_id = ? AND answered_at IS NULL', [a.reportId, a.now.toISOString(), a.sweep.id, a.staffId]);
  const [left] = await sql.all<{ n: unknown }>('SELECT count(*) AS n FROM sweep_person WHERE sweep_id = ? AND answered_at IS NULL', [a.sweep.id]);
  if (Number(left.n) > 0) return;
  const [sweep] = await sql.all<{ startedAt: string }>('SELECT started_at AS "startedAt" FROM sweep WHERE id = ?', [a.sweep.id]);
  await closeSweep(sql, services, { id: a.sweep.id, startedAt: sweep.startedAt }, 'complete', a.now, a.today);
}

/**
 * Records a 加测 reading as the person's answer to the real 全员测温 that
 * waited for it. Returns the line for the reading's reply: on a workday it
 * names the daily check of the moment when that is still missing, so it is
 * not forgotten.
 */
export async function answerSweep(
  sql: Sql,
  services: Services,
  a: { sweep: PendingSweep; staffId: number; reportId: number; now: Date; today: string; dailySlot: DailySlot },
): Promise<string> {
  await answer(sql, services, a);
  if (!(await services.calendar.isWorkday(a.today, sql))) return sweepMessages.answered(a.sweep);
  const [daily] = await sql.all('SELECT 1 AS yes FROM report WHERE staff_id = ? AND date = ? AND slot = ? AND superseded_at IS NULL', [a.staffId, a.today, a.dailySlot]);
  return sweepMessages.answered(a.sweep, daily ? undefined : a.dailySlot);
}

/** The drill a person's plain reading answers through a drill's 全员测温 waiting for them (the caller puts a real one first). */
export async function drillSweepAwaiting(sql: Sql, staffId: number): Promise<IncidentRow | undefined> {
  const sweep = await pendingSweep(sql, staffId, 'drill');
  return sweep?.incidentId === null || sweep === undefined ? undefined : findIncident(sql, sweep.incidentId);
}

/** After a drill reading is recorded: the answer to the drill's 全员测温 waiting for the person, if any; the reply's line, or null. */
export async function answerDrillSweep(sql: Sql, services: Services, a: { staffId: number; now: Date; today: string }): Promise<string | null> {
  const sweep = await pendingSweep(sql, a.staffId, 'drill');
  if (!sweep) return null;
  await answer(sql, services, { ...a, sweep, reportId: null });
  return sweepMessages.answered(sweep);
}

/** A 更正 of a 加测 answer: the 全员测温 keeps the corrected reading as the answer. */
export async function followCorrection(sql: Sql, replacedId: number, reportId: number): Promise<void> {
  await sql.run('UPDATE sweep_person SET report_id = ? WHERE report_id = ?', [reportId, replacedId]);
}

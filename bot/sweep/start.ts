import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { attendance } from '../health/attendance';
import { localClock, localTime } from '../time';
import { sweepMessages } from './messages';
import { findSweep, runningSweep, SWEEP_MINUTES, type SweepRow } from './store';

/** What starting a 全员测温 came to. */
export type SweepStart =
  | { kind: 'started'; sweep: SweepRow; asked: number; due: string }
  | { kind: 'running'; sweep: SweepRow }
  | { kind: 'nobody' };

/**
 * Starts a 全员测温 (SPEC §11): every person expected to report today — the
 * definition the hall's figures use ({@link attendance}: rostered people, or
 * the whole window without a roster), but not the person an incident is about — is asked by direct message for a
 * reading now, answered in the slot 加测. At most one runs (and one drill's
 * beside it, so a drill never holds up a real one): the unique `running`
 * index decides between two leaders at once. A drill's 全员测温 (`drill:
 * true`) marks its messages 【演练】 and takes its answers as drill readings.
 * In the caller's transaction.
 */
export async function startSweep(sql: Sql, services: Services, a: { now: Date; by?: Person; incidentId?: number; drill?: boolean }): Promise<SweepStart> {
  const { timezone } = services.config;
  const today = localTime(a.now, timezone).date;
  const days = await attendance(sql, await services.directory.active(), today);
  // The person an incident is about is in isolation or on the way to the clinic, not at work to be measured.
  const [subject] = a.incidentId === undefined ? [] : await sql.all<{ staffId: unknown }>('SELECT staff_id AS "staffId" FROM incident WHERE id = ?', [a.incidentId]);
  const isolated = subject?.staffId == null ? null : Number(subject.staffId);
  const expected = days.flatMap((d) => d.expected).filter((p) => p.id !== isolated);
  if (expected.length === 0) return { kind: 'nobody' };
  const due = new Date(a.now.getTime() + SWEEP_MINUTES * 60_000);
  const [row] = await sql.all<{ id: unknown }>(
    `INSERT INTO sweep (incident_id, drill, running, started_at, started_by_id, date, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING RETURNING id`,
    [a.incidentId ?? null, a.drill ?? false, a.drill ? 'drill' : 'live', a.now.toISOString(), a.by?.id ?? null, today, due.toISOString()],
  );
  if (!row) return { kind: 'running', sweep: (await runningSweep(sql, a.drill ?? false))! };
  const sweep = (await findSweep(sql, Number(row.id)))!;
  for (let i = 0; i < expected.length; i += 500) {
    const part = expected.slice(i, i + 500);
    await sql.run(`INSERT INTO sweep_person (sweep_id, staff_id) VALUES ${part.map(() => '(?, ?)').join(', ')}`, part.flatMap((p) => [sweep.id, p.id]));
  }
  await services.notifier.toPeople(sql, expected.map((person) => ({ person, body: sweepMessages.ask(sweep) })), 'nudge');
  return { kind: 'started', sweep, asked: expected.length, due: localClock(due, timezone) };
}

/**
 * The 全员测温 an incident's 排查 starts by itself, once per incident: none
 * when the incident already had one; a running one without an incident is
 * counted for it instead of starting another. Returns the line for the reply
 * and the leadership push, or null when nothing was done.
 */
export async function startIncidentSweep(sql: Sql, services: Services, a: { incidentId: number; now: Date; drill?: boolean }): Promise<string | null> {
  const [had] = await sql.all('SELECT 1 AS yes FROM sweep WHERE incident_id = ?', [a.incidentId]);
  if (had) return null;
  const start = await startSweep(sql, services, a);
  if (start.kind === 'started') return sweepMessages.autoStarted({ ...start.sweep, asked: start.asked, due: start.due });
  if (start.kind === 'nobody') return null;
  if (start.sweep.incidentId !== null) return sweepMessages.busy(start.sweep, a.incidentId);
  await sql.run('UPDATE sweep SET incident_id = ? WHERE id = ? AND incident_id IS NULL', [a.incidentId, start.sweep.id]);
  return sweepMessages.joined({ id: start.sweep.id, incidentId: a.incidentId });
}

import type { Sql } from '../db/database';
import type { SweepOutcome } from '../../entities';

/** Minutes after its start when a 全员测温's result goes out with the names still missing (SPEC §11). */
export const SWEEP_MINUTES = 30;

/** A 全员测温 as the commands and the job see it. */
export interface SweepRow {
  id: number;
  incidentId: number | null;
  drill: boolean;
  running: boolean;
  startedAt: string;
  date: string;
  dueAt: string;
  closedAt: string | null;
  outcome: SweepOutcome | null;
}

const COLUMNS = 'id, incident_id AS "incidentId", drill, running, started_at AS "startedAt", date, due_at AS "dueAt", closed_at AS "closedAt", outcome';

function toSweep(row: Record<string, unknown>): SweepRow {
  return {
    ...(row as unknown as SweepRow),
    id: Number(row.id),
    incidentId: row.incidentId === null || row.incidentId === undefined ? null : Number(row.incidentId),
    drill: Boolean(row.drill),
    running: row.running !== null && row.running !== undefined,
  };
}

async function one(sql: Sql, where: string, params: unknown[]): Promise<SweepRow | undefined> {
  const [row] = await sql.all<Record<string, unknown>>(`SELECT ${COLUMNS} FROM sweep WHERE ${where} ORDER BY id DESC LIMIT 1`, params);
  return row ? toSweep(row) : undefined;
}

/** The real or the drill 全员测温 running now, if any (at most one of each runs). */
export function runningSweep(sql: Sql, drill: boolean): Promise<SweepRow | undefined> {
  return one(sql, 'running = ?', [drill ? 'drill' : 'live']);
}

export function findSweep(sql: Sql, id: number): Promise<SweepRow | undefined> {
  return one(sql, 'id = ?', [id]);
}

/** The latest 全员测温, running or not. */
export function latestSweep(sql: Sql): Promise<SweepRow | undefined> {
  return one(sql, '1 = 1', []);
}

/** The latest 全员测温 of an incident (for its report), if it had one. */
export function sweepOfIncident(sql: Sql, incidentId: number): Promise<SweepRow | undefined> {
  return one(sql, 'incident_id = ?', [incidentId]);
}

/** Every running 全员测温 (a real one and a drill's at most), for the job. */
export async function runningSweeps(sql: Sql): Promise<SweepRow[]> {
  return (await sql.all<Record<string, unknown>>(`SELECT ${COLUMNS} FROM sweep WHERE running IS NOT NULL`)).map(toSweep);
}

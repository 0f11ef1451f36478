import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Severity, SweepOutcome } from '../../entities';
import { localWhen } from '../time';
import { sweepMessages } from './messages';
import { findSweep, sweepOfIncident, type SweepRow } from './store';
import type { SweepAnswer, SweepResult, SweepView } from './view';

const byWindowThenName = (a: { window: string; name: string }, b: { window: string; name: string }) =>
  a.window.localeCompare(b.window, 'zh-CN', { numeric: true }) || a.name.localeCompare(b.name, 'zh-CN');

/**
 * The state or result of a 全员测温 (SPEC §11), in one query: for its status,
 * its push to the leadership group, and the incident report (如实上报).
 */
export async function sweepResult(sql: Sql, id: number): Promise<SweepResult | undefined> {
  const sweep = await findSweep(sql, id);
  if (!sweep) return undefined;
  // A drill's answers are the drill readings its people sent from its start on (SPEC §11: never reports).
  const rows = await sql.all<{ staffId: unknown; name: string; window: string; temperature: unknown; status: Severity | null; at: string | null; alertId: unknown }>(
    sweep.drill
      ? `SELECT p.staff_id AS "staffId", s.name, s.window_name AS "window", d.temperature, NULL AS status, p.answered_at AS "at", NULL AS "alertId"
           FROM sweep_person p JOIN staff s ON s.id = p.staff_id
           LEFT JOIN drill_reading d ON d.id = (SELECT min(x.id) FROM drill_reading x WHERE x.incident_id = ? AND x.staff_id = p.staff_id AND x.received_at >= ?)
          WHERE p.sweep_id = ?`
      : `SELECT p.staff_id AS "staffId", s.name, s.window_name AS "window", r.temperature, r.status, p.answered_at AS "at", a.id AS "alertId"
           FROM sweep_person p JOIN staff s ON s.id = p.staff_id LEFT JOIN report r ON r.id = p.report_id LEFT JOIN alert a ON a.report_id = r.id
          WHERE p.sweep_id = ?`,
    sweep.drill ? [sweep.incidentId, sweep.startedAt, id] : [id],
  );
  const answered: SweepAnswer[] = [];
  const missing: SweepResult['missing'] = [];
  for (const r of rows) {
    const who = { staffId: Number(r.staffId), name: r.name, window: r.window };
    if (r.at === null || r.temperature === null) missing.push(who);
    else answered.push({ ...who, temperature: Number(r.temperature), status: r.status, at: r.at, alertId: r.alertId === null || r.alertId === undefined ? null : Number(r.alertId) });
  }
  return { ...sweep, asked: rows.length, answered: answered.sort(byWindowThenName), missing: missing.sort(byWindowThenName) };
}

/** The result of an incident's (latest) 全员测温, for its checklist and its report upward; undefined when it had none. */
export async function incidentSweepResult(sql: Sql, incidentId: number): Promise<SweepResult | undefined> {
  const sweep = await sweepOfIncident(sql, incidentId);
  return sweep && sweepResult(sql, sweep.id);
}

/** The status of a 全员测温 as `全员测温 状态` shows it. */
export async function sweepStatus(sql: Sql, services: Services, id: number, today: string): Promise<string> {
  const r = (await sweepResult(sql, id))!;
  const at = (iso: string) => localWhen(new Date(iso), today, services.config.timezone);
  return sweepMessages.status(r, { started: at(r.startedAt), due: at(r.dueAt), closed: r.closedAt && at(r.closedAt) });
}

/**
 * Ends a running 全员测温 and pushes its result to the leadership group —
 * once: the conditional update decides, in the caller's transaction, so two
 * instances (or the last answer and the job) never both send it.
 */
export async function closeSweep(sql: Sql, services: Services, sweep: Pick<SweepRow, 'id' | 'startedAt'>, outcome: SweepOutcome, now: Date, today: string): Promise<boolean> {
  const { changes } = await sql.run('UPDATE sweep SET running = NULL, closed_at = ?, outcome = ? WHERE id = ? AND running IS NOT NULL', [now.toISOString(), outcome, sweep.id]);
  if (changes === 0) return false;
  const result = (await sweepResult(sql, sweep.id))!;
  await services.notifier.toLeaders(sql, sweepMessages.result(result, localWhen(new Date(sweep.startedAt), today, services.config.timezone)), 'notice');
  return true;
}

/**
 * For the every-day deadline job: each running 全员测温 whose everyone has
 * answered, or whose 30 minutes are up, gets its result sent. Returns how many.
 */
export async function closeDueSweeps(sql: Sql, services: Services, running: SweepRow[], now: Date, today: string): Promise<number> {
  let closed = 0;
  for (const sweep of running) {
    const [left] = await sql.all<{ n: unknown }>('SELECT count(*) AS n FROM sweep_person WHERE sweep_id = ? AND answered_at IS NULL', [sweep.id]);
    const outcome = Number(left.n) === 0 ? 'complete' : now.getTime() >= Date.parse(sweep.dueAt) ? 'timeout' : undefined;
    if (outcome && (await closeSweep(sql, services, sweep, outcome, now, today))) closed += 1;
  }
  return closed;
}

/** The real 全员测温 started on a local date (the latest), or null; scoped to one window when given. A drill's is never counted. */
export async function sweepOfDay(sql: Sql, date: string, onlyWindow?: string): Promise<SweepView | null> {
  const [row] = await sql.all<{ id: unknown }>("SELECT id FROM sweep WHERE (date = ? OR running = 'live') AND drill = ? ORDER BY id DESC LIMIT 1", [date, false]);
  const r = row && (await sweepResult(sql, Number(row.id)));
  if (!r) return null;
  const inScope = <T extends { window: string }>(people: T[]) => (onlyWindow === undefined ? people : people.filter((p) => p.window === onlyWindow));
  const answered = inScope(r.answered).length;
  const missing = inScope(r.missing).map((p) => p.name);
  return { id: r.id, incidentId: r.incidentId, running: r.running, asked: answered + missing.length, answered, missing };
}

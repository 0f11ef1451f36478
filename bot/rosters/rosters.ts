import type { Sql } from '../db/database';

/** A current roster with its people's ids. */
export interface CurrentRoster {
  id: number;
  date: string;
  window: string;
  closed: boolean;
  late: boolean;
  staffIds: number[];
  submittedBy: number;
}

/** The current rosters of a date (optionally of one window), with their people: two queries. */
export async function currentRosters(sql: Sql, date: string, window?: string): Promise<CurrentRoster[]> {
  const filter = window === undefined ? '' : ' AND r.window_name = ?';
  const params = window === undefined ? [date] : [date, window];
  const rows = await sql.all<{ id: unknown; window: string; closed: unknown; late: unknown; submittedBy: unknown }>(
    `SELECT r.id, r.window_name AS "window", r.closed, r.late, r.submitted_by_id AS "submittedBy" FROM roster r WHERE r.date = ? AND r.superseded_at IS NULL${filter}`,
    params,
  );
  const entries = await sql.all<{ rosterId: unknown; staffId: unknown }>(
    `SELECT e.roster_id AS "rosterId", e.staff_id AS "staffId" FROM roster_entry e JOIN roster r ON r.id = e.roster_id
      WHERE r.date = ? AND r.superseded_at IS NULL${filter} ORDER BY e.id`,
    params,
  );
  const byRoster = new Map<number, number[]>();
  for (const e of entries) byRoster.set(Number(e.rosterId), [...(byRoster.get(Number(e.rosterId)) ?? []), Number(e.staffId)]);
  return rows
    .map((r) => ({
      id: Number(r.id),
      date,
      window: r.window,
      closed: Boolean(r.closed),
      late: Boolean(r.late),
      staffIds: byRoster.get(Number(r.id)) ?? [],
      submittedBy: Number(r.submittedBy),
    }))
    .sort((a, b) => a.window.localeCompare(b.window, 'zh-CN', { numeric: true }));
}

/**
 * Stores a window's roster for a date, superseding the current one (kept as
 * history); returns the people of the roster it replaced, if any.
 */
export async function saveRoster(
  sql: Sql,
  r: { date: string; window: string; closed: boolean; staffIds: number[]; submittedBy: number; late: boolean; at: Date },
): Promise<{ replaced: number[] | null }> {
  const [previous] = await currentRosters(sql, r.date, r.window);
  const at = r.at.toISOString();
  if (previous) await sql.run('UPDATE roster SET superseded_at = ? WHERE id = ?', [at, previous.id]);
  const [row] = await sql.all<{ id: unknown }>(
    'INSERT INTO roster (date, window_name, closed, submitted_by_id, submitted_at, late) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
    [r.date, r.window, r.closed, r.submittedBy, at, r.late],
  );
  // One statement for the whole roster (at most a few hundred people: well within every driver's parameter limit).
  if (r.staffIds.length) {
    await sql.run(`INSERT INTO roster_entry (roster_id, staff_id) VALUES ${r.staffIds.map(() => '(?, ?)').join(', ')}`, r.staffIds.flatMap((id) => [Number(row.id), id]));
  }
  return { replaced: previous ? previous.staffIds : null };
}

import type { Sql } from '../../bot/db/database';

/**
 * Whether a person is on their window's current roster for a date: true or
 * false, or null when the window has no roster for that date.
 */
export async function onRoster(sql: Sql, staffId: number, window: string, date: string): Promise<boolean | null> {
  const rows = await sql.all<{ closed: unknown; listed: unknown }>(
    `SELECT r.closed AS closed,
            (SELECT count(*) FROM roster_entry e WHERE e.roster_id = r.id AND e.staff_id = ?) AS listed
       FROM roster r
      WHERE r.date = ? AND r.window_name = ? AND r.superseded_at IS NULL`,
    [staffId, date, window],
  );
  if (rows.length === 0) return null;
  return !rows[0].closed && Number(rows[0].listed) > 0;
}

import type { Sql } from '../db/database';

/**
 * Whether nothing may be waiting for a reading: no 全员测温 running and no
 * drill open. One query, so that an ordinary reading on an ordinary day — the
 * hot path of every platform (SPEC §9) — skips the three lookups of who waits
 * for what, which can only find something while one of these runs.
 */
export async function nothingWaits(sql: Sql): Promise<boolean> {
  const rows = await sql.all(
    `SELECT 1 AS yes FROM sweep WHERE running IS NOT NULL
     UNION ALL SELECT 1 AS yes FROM incident WHERE status = 'open' AND subject_kind = 'drill'`,
  );
  return rows.length === 0;
}

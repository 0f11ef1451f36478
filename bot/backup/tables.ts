import type { Database } from '../db/database';

/**
 * Tables the service fills on its own, with no hall's data in them: a first
 * start writes its start time and its signing key, the scheduler records
 * firings, and the simulator's channels what they delivered. A database
 * holding rows only here is still empty for a restore.
 */
const BOOKKEEPING = new Set(['app_meta', 'job_firing', 'outbox', 'outbound_image', 'local_delivery']);

/** Rows per table of the application's schema, in the order TypeORM knows them. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { tableName } of db.dataSource.entityMetadatas) {
    const [row] = await db.all<{ n: unknown }>(`SELECT count(*) AS n FROM "${tableName}"`);
    // PostgreSQL answers count(*) as a string.
    counts[tableName] = Number(row.n);
  }
  return counts;
}

/** The tables that hold a hall's record, with their rows: what a restore would replace. None: the database is empty. */
export function recordsIn(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([table, n]) => n > 0 && !BOOKKEEPING.has(table)));
}

/** `staff 12, report 340` — for the operator. */
export function describeCounts(counts: Record<string, number>): string {
  const shown = Object.entries(counts).filter(([, n]) => n > 0);
  return shown.length ? shown.map(([table, n]) => `${table} ${n}`).join(', ') : 'no rows';
}

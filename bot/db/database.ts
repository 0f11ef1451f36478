import type { DataSource } from 'typeorm';
import type { RetryPolicy } from './transient';

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/**
 * The SQL the application speaks: `?` placeholders, ON CONFLICT, RETURNING —
 * portable between SQLite and PostgreSQL. Booleans and undefined are bound
 * portably (1/0 and NULL on SQLite).
 */
export interface Sql {
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
}

/**
 * Visits the rows of a query one at a time where the driver can stream them
 * (SQLite), so a 100,000-row read never holds every row object at once.
 */
export async function eachRow<T = Row>(sql: Sql, query: string, params: readonly unknown[], visit: (row: T) => void): Promise<void> {
  const streaming = sql as Sql & { each?: <R>(q: string, p: readonly unknown[], v: (row: R) => void) => Promise<void> };
  if (streaming.each) return streaming.each<T>(query, params, visit);
  for (const row of await sql.all<T>(query, params)) visit(row);
}

/** The application's handle on its database. */
export interface Database extends Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** TypeORM's data source: schema, entities, and anything not on the hot path. */
  readonly dataSource: DataSource;
  /**
   * Runs `fn` in one transaction; a nested call joins the outer one. Code inside
   * may use either the given `sql` or this database: both reach the transaction.
   * A transient fault runs the whole of `fn` again (so `fn` must only write
   * through `sql`); once the retries are spent it throws DatabaseUnavailable.
   */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * How a transaction, or a statement outside one, is run again after a
   * transient fault (see transient.ts); tests replace its clock.
   */
  retry: RetryPolicy;
  close(): Promise<void>;
}

/** True for the error a unique constraint raises, on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSourceOptions } from 'typeorm';
import { entities } from '../../entities';
import { postgresMigrations } from '../../migrations/postgres';
import { sqliteMigrations } from '../../migrations/sqlite';

/**
 * TypeORM options for a DATABASE_URL: `sqlite:<path>`, `sqlite::memory:`, or
 * `postgres://…[?schema=name]` (a schema of its own puts the tables there, e.g.
 * one per hall or one per test run). The schema comes from the committed
 * migrations, never from synchronize.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const memory = path === ':memory:' || path === '';
    if (!memory) mkdirSync(dirname(path), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: memory ? ':memory:' : path,
      entities,
      migrations: sqliteMigrations,
      migrationsTransactionMode: 'all',
      timeout: 5000,
      prepareDatabase: (conn: BetterSqlite3.Database) => {
        if (!memory) conn.pragma('journal_mode = WAL');
        // WAL with NORMAL: a committed transaction survives a crash of the process;
        // only a power cut can lose the last few milliseconds.
        conn.pragma('synchronous = NORMAL');
      },
    };
  }
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  // The service's sessions are named, so an operator (or a fault test) can find them in pg_stat_activity.
  const applicationName = parsed.searchParams.get('application_name') ?? 'hallguard';
  parsed.searchParams.delete('application_name');
  return {
    type: 'postgres',
    url: parsed.toString(),
    applicationName,
    entities,
    migrations: postgresMigrations,
    migrationsTransactionMode: 'all',
    // The search path, not TypeORM's `schema` option, so the application's SQL and the migrations stay unqualified.
    extra: schema ? { options: `-c search_path=${schema}` } : {},
  };
}

/** The schema named in a postgres URL, if any. */
export function urlSchema(url: string): string | null {
  return url.startsWith('postgres') ? new URL(url).searchParams.get('schema') : null;
}

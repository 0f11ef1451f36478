import 'reflect-metadata';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { isUniqueViolation, type Database } from './database';
import { dataSourceOptions, urlSchema } from './options';
import { SqliteDatabase } from './sqlite';

/** An arbitrary, fixed key: instances starting together take turns at migrating. */
const MIGRATION_LOCK = 7_414_021;

/**
 * Opens the database named by DATABASE_URL, brings its schema up to date with
 * the committed migrations (several instances starting at once migrate one at
 * a time), and records when it was first initialised.
 */
export async function openDatabase(url: string, now: Date = new Date()): Promise<Database> {
  const options = dataSourceOptions(url);
  const schema = urlSchema(url);
  if (schema) await createSchema(url, schema);
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await migrate(dataSource);
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  // The PostgreSQL module (and node-postgres under it) is loaded only for a PostgreSQL URL: a SQLite CLI run starts faster.
  const db: Database =
    options.type === 'better-sqlite3'
      ? new SqliteDatabase(dataSource, (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection)
      : new (await import('./postgres')).PostgresDatabase(dataSource);
  await db.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', ['initialised_at', now.toISOString()]);
  return db;
}

/** Runs pending migrations; on PostgreSQL under an advisory lock held by one connection. */
async function migrate(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations();
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Creates the schema of a `?schema=` URL if it does not exist yet. */
async function createSchema(url: string, schema: string): Promise<void> {
  const plain = new URL(url);
  plain.searchParams.delete('schema');
  const admin = new DataSource({ type: 'postgres', url: plain.toString() });
  await admin.initialize();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  } catch (err) {
    // Two instances creating it at the same moment: the other one won.
    if (!isUniqueViolation(err) && (err as { driverError?: { code?: string } }).driverError?.code !== '42P06') throw err;
  } finally {
    await admin.destroy();
  }
}

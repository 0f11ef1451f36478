import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { entities } from '../../entities';
import type { Database } from './database';
import { PostgresDatabase } from './postgres';
import { SqliteDatabase } from './sqlite';

/**
 * Opens the database named by DATABASE_URL (`sqlite:<path>`, `sqlite::memory:`
 * or `postgres://…`), creates or updates the schema, and records when it was
 * first initialised.
 */
export async function openDatabase(url: string, now: Date = new Date()): Promise<Database> {
  const db = url.startsWith('sqlite:') ? await openSqlite(url.slice('sqlite:'.length)) : await openPostgres(url);
  await db.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', ['initialised_at', now.toISOString()]);
  return db;
}

async function openSqlite(path: string): Promise<Database> {
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: memory ? ':memory:' : path,
    entities,
    synchronize: true,
    timeout: 5000,
    prepareDatabase: (conn: BetterSqlite3.Database) => {
      if (!memory) conn.pragma('journal_mode = WAL');
      // WAL with NORMAL: a committed transaction survives a crash of the process;
      // only a power cut can lose the last few milliseconds.
      conn.pragma('synchronous = NORMAL');
    },
  });
  await dataSource.initialize();
  const connection = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  return new SqliteDatabase(dataSource, connection);
}

async function openPostgres(url: string): Promise<Database> {
  const dataSource = new DataSource({ type: 'postgres', url, entities, synchronize: true });
  await dataSource.initialize();
  return new PostgresDatabase(dataSource);
}

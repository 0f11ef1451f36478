import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { BackupError } from './errors';
import type { Database } from '../db/database';
import { archiveTables, backupPostgres, checkPostgresBackup, restorePostgres } from './postgres';
import { backupSqlite, checkSqliteBackup, isSqliteFile, readHeader, restoreSqlite } from './sqlite';

/** The kind of backup a DATABASE_URL makes: a SQLite database file, or a pg_dump custom-format archive. */
export type BackupKind = 'sqlite' | 'pgdump';

export function backupKind(databaseUrl: string): BackupKind {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'pgdump';
}

/** The file of a `sqlite:<path>` URL; refuses an in-memory database, which has no file to copy or restore into. */
export function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.slice('sqlite:'.length);
  if (path === '' || path === ':memory:') throw new BackupError('DATABASE_URL is an in-memory SQLite database: there is no file to back up or restore into');
  return isAbsolute(path) ? path : resolve(path);
}

/** What a finished backup is: where, and how large. */
export interface BackupWritten {
  file: string;
  bytes: number;
  kind: BackupKind;
}

/**
 * A consistent backup of the database of `databaseUrl` into `out`, taken while
 * the service runs: SQLite's online backup API, or pg_dump on PostgreSQL.
 */
export async function backupDatabase(databaseUrl: string, out: string): Promise<BackupWritten> {
  const file = resolve(out);
  if (existsSync(file)) throw new BackupError(`${file} already exists: a backup never overwrites a file; choose another name`);
  if (!existsSync(dirname(file))) throw new BackupError(`${dirname(file)} does not exist: create the directory first, or choose another`);
  const kind = backupKind(databaseUrl);
  if (kind === 'sqlite') await backupSqlite(sqlitePath(databaseUrl), file);
  else await backupPostgres(databaseUrl, file);
  return { file, bytes: statSync(file).size, kind };
}

/** The kind of backup a file is, from its first bytes; null when it is neither. */
export function fileKind(path: string): BackupKind | null {
  if (isSqliteFile(path)) return 'sqlite';
  return readHeader(path, 5).toString('latin1') === 'PGDMP' ? 'pgdump' : null;
}

/** Checks that `file` is a HallGuard backup that fits the database of `databaseUrl`; says what is wrong otherwise. */
export async function checkBackup(file: string, databaseUrl: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const kind = fileKind(file);
  const wanted = backupKind(databaseUrl);
  if (kind === null) throw new BackupError(`${file} is not a HallGuard backup (neither a SQLite database nor a pg_dump archive)`);
  if (kind !== wanted) {
    throw new BackupError(
      kind === 'sqlite'
        ? `${file} is a backup of a SQLite database, but DATABASE_URL names PostgreSQL: restore it with DATABASE_URL=sqlite:<path>`
        : `${file} is a pg_dump archive of PostgreSQL, but DATABASE_URL names SQLite: restore it with DATABASE_URL=postgres://…`,
    );
  }
  if (kind === 'sqlite') checkSqliteBackup(file);
  else await checkPostgresBackup(file);
}

/**
 * Writes a checked backup over the database of `databaseUrl`, open as `db`
 * (the caller has made sure it may). SQLite's file is replaced whole. On
 * PostgreSQL the archive's tables replace theirs; a HallGuard table it does
 * not have (one this newer version added) is dropped first, or the migrations
 * that follow would find it already there; no other table is touched.
 */
export async function restoreDatabase(file: string, databaseUrl: string, db: Database): Promise<void> {
  if (backupKind(databaseUrl) === 'sqlite') return restoreSqlite(file, sqlitePath(databaseUrl));
  const archived = await archiveTables(file);
  // Only HallGuard's own tables: a schema may hold other applications' too.
  for (const { tableName } of db.dataSource.entityMetadatas.filter((m) => !archived.has(m.tableName))) await db.run(`DROP TABLE IF EXISTS "${tableName}" CASCADE`);
  await restorePostgres(file, databaseUrl);
}

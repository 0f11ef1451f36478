import { closeSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sqliteMigrations } from '../../migrations/sqlite';
import { BackupError } from './errors';

/** Every page in one step of the online backup: one read transaction, so the copy is one moment of the database. */
const ALL_PAGES = 0x7fffffff;

/** Whether a file starts with SQLite's header. */
export function isSqliteFile(path: string): boolean {
  return readHeader(path, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'));
}

/** The first `length` bytes of a file (fewer when it is shorter). */
export function readHeader(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * A consistent copy of a live SQLite database, by SQLite's online backup API
 * (better-sqlite3) on a read-only connection of its own: in WAL mode it never
 * blocks the service's writes, and it copies every page in one step, so
 * transactions committed meanwhile are either wholly in the copy or not at
 * all. The copy is written beside `out`, checked, made a single
 * self-contained file (no -wal beside it) and only then renamed into place:
 * `out` never holds half a backup.
 */
export async function backupSqlite(databasePath: string, out: string): Promise<void> {
  const partial = `${out}.partial-${process.pid}`;
  const source = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(partial, { progress: () => ALL_PAGES });
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
  try {
    const copy = new BetterSqlite3(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`the copy failed SQLite's check (${String(check)}); nothing was written to ${out}`);
    } finally {
      copy.close();
    }
    renameSync(partial, out);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/**
 * Checks that a file is a sound HallGuard backup this version can take: SQLite's
 * quick check passes, it has HallGuard's schema, and no migration in it is
 * newer than this code knows (a backup of a later version).
 */
export function checkSqliteBackup(path: string): void {
  const backup = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${path} is damaged (SQLite's check says: ${String(check)})`);
    const tables = new Set((backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    if (!tables.has('migrations') || !tables.has('app_meta')) throw new BackupError(`${path} is a SQLite database but not a HallGuard backup (no HallGuard tables in it)`);
    // The name TypeORM records is the instance's (a bundler may rename the class).
    const known = new Set(sqliteMigrations.map((m) => (new (m as new () => { name?: string })()).name ?? m.name));
    const unknown = (backup.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((m) => m.name).filter((name) => !known.has(name));
    if (unknown.length) throw new BackupError(`${path} was made by a newer HallGuard (its schema has ${unknown.join(', ')}): upgrade HallGuard first, then restore`);
  } finally {
    backup.close();
  }
}

/**
 * Writes a backup's pages over the database at `databasePath` with the same
 * online backup API (the way SQLite's documentation restores a database), so
 * a connection open on it sees the restored database, never a torn file.
 */
export async function restoreSqlite(backupPath: string, databasePath: string): Promise<void> {
  const backup = new BetterSqlite3(backupPath, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(databasePath, { progress: () => ALL_PAGES });
  } finally {
    backup.close();
  }
}

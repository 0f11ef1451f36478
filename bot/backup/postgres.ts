import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { maskUrlsIn } from '../http/userinfo';
import { BackupError } from './errors';

const run = promisify(execFile);

/** Where Debian and Ubuntu install each PostgreSQL major version's client programs, newest first. */
function debianClientDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, 'bin'));
}

/** The path of `pg_dump` or `pg_restore`: on PATH, else Debian's versioned directory; null when not installed. */
export function findPgTool(name: 'pg_dump' | 'pg_restore', path = process.env.PATH ?? '', extraDirs = debianClientDirs()): string | null {
  const dirs = [...path.split(delimiter).filter(Boolean), ...extraDirs];
  return dirs.map((dir) => join(dir, name)).find((file) => existsSync(file)) ?? null;
}

/** What to do when PostgreSQL's client programs are missing. */
export function missingToolAdvice(name: string): string {
  return (
    `${name} was not found (looked on PATH and in /usr/lib/postgresql/*/bin). Install PostgreSQL's client programs, ` +
    `of the server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client; RHEL: dnf install postgresql), then run this again; ` +
    `or back up by hand with: pg_dump --format=custom --file=<file> "<DATABASE_URL>" (a --schema=<name> for a ?schema= URL)`
  );
}

/**
 * libpq's view of a DATABASE_URL: the URL without its password (which goes in
 * PGPASSWORD, never on a command line others can read) and without HallGuard's
 * own `schema` parameter, which becomes pg_dump's --schema.
 */
export function libpqTarget(databaseUrl: string): { url: string; schema: string | null; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), schema, env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** Runs a PostgreSQL client program; its failure becomes a BackupError with what it said (any URL's credentials masked). */
async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new BackupError(`${tool.split('/').pop()} failed: ${maskUrlsIn((e.stderr || e.message).trim())}`);
  }
}

/**
 * A consistent copy of a PostgreSQL database by `pg_dump` (one snapshot,
 * while the service goes on), in pg_dump's custom format, written beside
 * `out` and renamed into place when complete.
 */
export async function backupPostgres(databaseUrl: string, out: string, tool = findPgTool('pg_dump')): Promise<void> {
  if (!tool) throw new BackupError(missingToolAdvice('pg_dump'));
  const { url, schema, env } = libpqTarget(databaseUrl);
  const partial = `${out}.partial-${process.pid}`;
  try {
    await runTool(tool, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, ...(schema ? [`--schema=${schema}`] : []), `--dbname=${url}`], env);
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The tables a pg_dump archive holds, by name (from `pg_restore --list`). */
export async function archiveTables(path: string, tool = findPgTool('pg_restore')): Promise<Set<string>> {
  if (!tool) throw new BackupError(missingToolAdvice('pg_restore'));
  const list = await runTool(tool, ['--list', path], process.env);
  return new Set([...list.matchAll(/^\d+; \d+ \d+ TABLE \S+ (\S+) /gm)].map((m) => m[1]));
}

/** Checks that a file is an archive pg_restore can read, and that it holds HallGuard's tables. */
export async function checkPostgresBackup(path: string): Promise<void> {
  const tables = await archiveTables(path);
  if (!tables.has('migrations') || !tables.has('app_meta')) {
    throw new BackupError(`${path} is a PostgreSQL archive but not a HallGuard backup (no HallGuard tables in it)`);
  }
}

/**
 * Restores a pg_dump archive into the database of `databaseUrl` in one
 * transaction: the archive's tables are dropped where they exist and made
 * anew with their rows, so a failure leaves the database as it was.
 */
export async function restorePostgres(path: string, databaseUrl: string, tool = findPgTool('pg_restore')): Promise<void> {
  if (!tool) throw new BackupError(missingToolAdvice('pg_restore'));
  const { url, env } = libpqTarget(databaseUrl);
  await runTool(tool, ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, path], env);
}

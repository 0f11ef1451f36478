import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupKind } from './backup';

/** The daily job's files: `hallguard-2026-11-23T0200.sqlite` (a second one of the same minute `…T0200-2.sqlite`) — sorted by name, oldest first. */
const DAILY = /^hallguard-\d{4}-\d{2}-\d{2}T\d{4}(-\d+)?\.(sqlite|pgdump)$/;

/**
 * Where a backup of the local minute `2026-11-23T02:00` goes in `dir` (made if
 * missing): `hallguard-2026-11-23T0200.sqlite`, or with `-2`, `-3` … when that
 * minute already has one (a forced re-run, a backup by hand).
 */
export function dailyBackupPath(dir: string, localMinute: string, kind: BackupKind): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `hallguard-${localMinute.replace(':', '')}`);
  for (let n = 1; ; n += 1) {
    const path = n === 1 ? `${base}.${kind}` : `${base}-${n}.${kind}`;
    if (!existsSync(path)) return path;
  }
}

/**
 * Keeps the newest `keep` of the daily job's backups in `dir` and deletes the
 * older ones; files of any other name (an operator's own copy) are never
 * touched. Answers the names deleted.
 */
export function rotateBackups(dir: string, keep: number): string[] {
  const daily = readdirSync(dir)
    .filter((name) => DAILY.test(name))
    .sort();
  const old = daily.slice(0, Math.max(0, daily.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}

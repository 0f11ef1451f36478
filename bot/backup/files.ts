import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupKind } from './backup';

/** The daily job's files: `hallguard-2026-11-23T0200.sqlite` — sorted by name, oldest first. */
const DAILY = /^hallguard-\d{4}-\d{2}-\d{2}T\d{4}\.(sqlite|pgdump)$/;

/** The name of the backup of a firing, from its local minute (`2026-11-23T02:00`). */
export function dailyBackupName(localMinute: string, kind: BackupKind): string {
  return `hallguard-${localMinute.replace(':', '')}.${kind}`;
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

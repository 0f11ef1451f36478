import { parseArgs } from 'node:util';
import { backupDatabase, backupKind, checkBackup, restoreDatabase } from '../backup/backup';
import { BackupError } from '../backup/errors';
import { dailyBackupPath } from '../backup/files';
import { describeCounts, recordsIn, tableCounts } from '../backup/tables';
import { openDatabase } from '../db/open';
import { maskUserinfo } from '../http/userinfo';
import { firingKey } from '../../jobs/runner';
import { CliError, type CliCommand } from './context';

/** A backup problem is the operator's to fix: printed without a stack. */
async function asCliError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof BackupError) throw new CliError(err.message, 1);
    throw err;
  }
}

/** `backup --out <file>`: a consistent copy of the database while the service runs (SPEC §8). */
export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup --out <file>   (a consistent copy while the service runs; without --out: a new file in BACKUP_DIR)',
  async run(argv, { config, out }) {
    const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
    const kind = backupKind(config.databaseUrl);
    if (!values.out && !config.backup.dir) throw new CliError(`usage: npm run cli -- ${this.usage}`, 2);
    const target = values.out ?? dailyBackupPath(config.backup.dir!, firingKey(new Date(), config.timezone), kind);
    const written = await asCliError(backupDatabase(config.databaseUrl, target));
    out(`备份完成 / backup written: ${written.file} (${(written.bytes / 1024).toFixed(0)} KiB, ${kind === 'sqlite' ? 'SQLite database file' : 'pg_dump custom-format archive'})`);
    out(`恢复 / to restore: npm run cli -- restore ${written.file}`);
  },
};

/**
 * `restore <file> [--force]`: a backup into the database of DATABASE_URL. An
 * empty database only, unless --force: a hall's record is never replaced by
 * a slip of the keyboard. The restored schema is then brought up to this
 * version by the migrations.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore <file> [--force]   (into an empty database; --force replaces what is there; stop the service first)',
  async run(argv, { config, db, out }) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean' } } });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new CliError(`usage: npm run cli -- ${this.usage}`, 2);
    await asCliError(checkBackup(file, config.databaseUrl));
    const there = recordsIn(await tableCounts(db));
    if (Object.keys(there).length > 0 && !values.force) {
      throw new CliError(
        `该数据库已有数据，未恢复 / the database of DATABASE_URL (${maskUserinfo(config.databaseUrl)}) is not empty: ${describeCounts(there)}.\n` +
          'Restoring would replace all of it. Back it up first (npm run cli -- backup --out <file>), stop the service, then run restore again with --force.',
      );
    }
    await asCliError(restoreDatabase(file, config.databaseUrl, db));
    const restored = await openDatabase(config.databaseUrl);
    try {
      out(`恢复完成 / restored ${file} into ${maskUserinfo(config.databaseUrl)}: ${describeCounts(await tableCounts(restored))}`);
    } finally {
      await restored.close();
    }
  },
};

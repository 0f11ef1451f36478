import { resolve } from 'node:path';
import { backupDatabase, backupKind } from '../bot/backup/backup';
import { dailyBackupPath, rotateBackups } from '../bot/backup/files';
import { firingKey } from './runner';
import type { Job } from './job';

/**
 * Every day, holidays included, with BACKUP_DIR set (SPEC §5): one consistent
 * backup file, named for the firing's local minute, written exactly once
 * across instances (the firing ledger claims it first); then only the newest
 * BACKUP_KEEP of the daily files are kept. A failed backup keeps the older
 * files and is recorded as failed, for `jobs list` and the log.
 */
export const backup: Job = {
  name: 'backup',
  cron: (config) => config.cron.backup,
  grace: 'latest',
  everyDay: true,
  async run({ services, now }) {
    const { config } = services;
    if (!config.backup.dir) return '未设置 BACKUP_DIR，不做每日备份 / BACKUP_DIR is not set: no daily backup';
    const dir = resolve(config.backup.dir);
    const written = await backupDatabase(config.databaseUrl, dailyBackupPath(dir, firingKey(now, config.timezone), backupKind(config.databaseUrl)));
    const removed = rotateBackups(dir, config.backup.keep);
    return `已备份到 ${written.file}（${Math.ceil(written.bytes / 1024)} KiB）；保留最近 ${config.backup.keep} 份${removed.length ? `，删除 ${removed.length} 份旧备份` : ''}`;
  },
};

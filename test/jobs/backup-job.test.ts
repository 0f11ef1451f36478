import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { checkBackup } from '../../bot/backup/backup';
import { backupPostgres, findPgTool, libpqTarget } from '../../bot/backup/postgres';
import { loadConfig } from '../../bot/config';
import { findJob } from '../../jobs';
import { testDatabaseUrl } from '../support/db';
import { Hall } from '../support/hall';

const backupJob = findJob('backup')!;

describe('the daily backup job', function () {
  this.timeout(120_000);
  let dir: string;
  let url: string;

  before(function () {
    if (!testDatabaseUrl().startsWith('sqlite:') && !findPgTool('pg_dump')) this.skip();
  });
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'hg-backups-')), 'backups');
    url = testDatabaseUrl(true);
  });

  it('is scheduled at 02:00 every day, holidays included', () => {
    expect(backupJob.cron(loadConfig({}))).to.equal('0 2 * * *');
    expect(backupJob.cron(loadConfig({ CRON_BACKUP: '30 3 * * *' }))).to.equal('30 3 * * *');
    expect(loadConfig({}).backup).to.deep.equal({ dir: undefined, keep: 14 });
    expect(backupJob.everyDay).to.equal(true);
  });

  it('writes one file a night into BACKUP_DIR and keeps the newest BACKUP_KEEP, leaving other files alone', async () => {
    const hall = await Hall.open({ env: { DATABASE_URL: url, BACKUP_DIR: dir, BACKUP_KEEP: '3' } });
    try {
      await hall.send('zhangsan', '晨检 36.5 绿码');
      const ext = url.startsWith('sqlite:') ? 'sqlite' : 'pgdump';
      // A Sunday and New Year's Day too: a backup does not rest on holidays.
      const nights = ['2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'];
      for (const [i, night] of nights.entries()) {
        const result = await hall.service.jobs.runner.fire(backupJob, new Date(`${night}T02:00:00+08:00`), { trigger: 'scheduler' });
        expect(result.outcome, result.detail).to.equal('done');
        if (i === 0) writeFileSync(join(dir, 'before-upgrade.sqlite'), 'an operator’s own copy');
      }
      expect(readdirSync(dir).sort()).to.deep.equal(['before-upgrade.sqlite', `hallguard-2026-12-30T0200.${ext}`, `hallguard-2026-12-31T0200.${ext}`, `hallguard-2027-01-01T0200.${ext}`]);
      await checkBackup(join(dir, `hallguard-2027-01-01T0200.${ext}`), url);
      const [firing] = await hall.service.db.all<{ detail: string }>("SELECT detail FROM job_firing WHERE job = 'backup' AND scheduled_for = '2027-01-01T02:00'");
      expect(firing.detail).to.contain('hallguard-2027-01-01T0200').and.to.contain('保留最近 3 份').and.to.contain('删除 1 份旧备份');
      // A forced re-run of a minute that has its file: a second file beside it, never one overwritten.
      const again = await hall.service.jobs.runner.fire(backupJob, new Date('2027-01-01T02:00:00+08:00'), { trigger: 'cli', force: true });
      expect(again.outcome, again.detail).to.equal('done');
      expect(readdirSync(dir).sort()).to.deep.equal(['before-upgrade.sqlite', `hallguard-2026-12-31T0200.${ext}`, `hallguard-2027-01-01T0200-2.${ext}`, `hallguard-2027-01-01T0200.${ext}`]);
    } finally {
      await hall.close();
    }
  });

  it('fires once across two instances of one database: one file, one ledger row', async () => {
    const env = { DATABASE_URL: url, BACKUP_DIR: dir };
    const first = await Hall.open({ env });
    const second = await Hall.open({ env, shareDatabaseWith: first });
    try {
      const at = new Date('2026-11-24T02:00:00+08:00');
      const results = await Promise.all([first, second].map((hall) => hall.service.jobs.runner.fire(backupJob, at, { trigger: 'scheduler' })));
      expect(results.map((r) => r.outcome).sort()).to.deep.equal(['already-fired', 'done']);
      expect(readdirSync(dir)).to.have.length(1);
      expect(await first.count('job_firing', "job = 'backup'")).to.equal(1);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('without BACKUP_DIR writes nothing and says so in the ledger', async () => {
    const hall = await Hall.open({ env: { DATABASE_URL: url } });
    try {
      const result = await hall.service.jobs.runner.fire(backupJob, new Date('2026-11-24T02:00:00+08:00'), { trigger: 'scheduler' });
      expect(result.outcome).to.equal('done');
      expect(result.detail).to.contain('BACKUP_DIR');
    } finally {
      await hall.close();
    }
  });
});

describe('PostgreSQL backups without its client programs', () => {
  it('says how to install pg_dump, or how to run it by hand, instead of failing obscurely', async () => {
    expect(findPgTool('pg_dump', '', [])).to.equal(null);
    const out = join(mkdtempSync(join(tmpdir(), 'hg-nopg-')), 'x.pgdump');
    const err = await backupPostgres('postgres://hall:secret@db.example:5432/hall', out, null).catch((e: Error) => e);
    expect((err as Error).message).to.contain('apt-get install postgresql-client').and.to.contain('pg_dump --format=custom');
    expect(readdirSync(join(out, '..'))).to.deep.equal([]);
  });

  it('passes the password to pg_dump in its environment, never on its command line', () => {
    const target = libpqTarget('postgres://hall:s%40cret@db.example:5432/hall?schema=north&sslmode=require');
    expect(target.url).to.equal('postgres://hall@db.example:5432/hall?sslmode=require');
    expect(target.schema).to.equal('north');
    expect(target.env.PGPASSWORD).to.equal('s@cret');
  });
});

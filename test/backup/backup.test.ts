import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'chai';
import { findPgTool } from '../../bot/backup/postgres';
import { openDatabase } from '../../bot/db/open';
import { runCli } from '../support/cli';
import { openTestDatabase, testDatabaseUrl } from '../support/db';
import { Hall } from '../support/hall';
import { everyRow, wholeHall } from '../support/whole-hall';

const postgres = (url: string) => !url.startsWith('sqlite:');

/** Empties the database of a test run's PostgreSQL schema or of a SQLite file: what a new server's database is. */
async function dropEverything(url: string): Promise<void> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema')!;
  parsed.searchParams.delete('schema');
  const admin = await openDatabase(url);
  try {
    await admin.run(`DROP SCHEMA "${schema}" CASCADE`);
  } finally {
    await admin.close();
  }
}

/** Every row of the database at `url`, read through a connection of its own. */
async function rowsAt(url: string): Promise<Record<string, string[]>> {
  const db = await openDatabase(url);
  try {
    return await everyRow(db);
  } finally {
    await db.close();
  }
}

describe('backup and restore (npm run cli -- backup / restore)', function () {
  this.timeout(180_000);
  let dir: string;

  before(function () {
    // pg_dump and pg_restore come with PostgreSQL's client programs; without them `backup` says how to install them (below).
    if (postgres(testDatabaseUrl()) && !findPgTool('pg_dump')) this.skip();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hg-backup-'));
  });

  it('restores every row of every table into an empty database', async () => {
    const hall = await wholeHall();
    const source = hall.databaseUrl;
    const before = await everyRow(hall.service.db);
    const empty = Object.entries(before).filter(([, rows]) => rows.length === 0).map(([table]) => table);
    expect(empty, 'tables the whole hall leaves empty: give them a row in test/support/whole-hall.ts').to.deep.equal([]);

    const file = join(dir, postgres(source) ? 'hall.pgdump' : 'hall.sqlite');
    const backup = await runCli(['backup', '--out', file], { DATABASE_URL: source });
    expect(backup.code, backup.stderr).to.equal(0);
    expect(backup.stdout).to.contain(file);
    await hall.close();

    // A new server: a database with nothing in it.
    let target = `sqlite:${join(dir, 'new', 'hall.sqlite')}`;
    if (postgres(source)) {
      await dropEverything(source);
      target = source;
    }
    const restore = await runCli(['restore', file], { DATABASE_URL: target });
    expect(restore.code, restore.stderr).to.equal(0);
    expect(restore.stdout).to.match(/restored .* staff 7/);
    expect(await rowsAt(target)).to.deep.equal(before);
  });

  it('refuses to restore over a database that holds a hall, and replaces it with --force', async () => {
    const hall = await Hall.open({ shareable: true });
    const file = join(dir, 'before.backup');
    await hall.send('zhangsan', '晨检 36.5 绿码');
    const before = await everyRow(hall.service.db);
    expect((await runCli(['backup', '--out', file], { DATABASE_URL: hall.databaseUrl })).code).to.equal(0);
    await hall.send('zhaoliu', '晨检 36.6 绿码');

    const refused = await runCli(['restore', file], { DATABASE_URL: hall.databaseUrl });
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.contain('not empty').and.to.match(/staff 6\b/).and.to.contain('--force');
    expect(await hall.count('report')).to.equal(2);

    await hall.close();
    const forced = await runCli(['restore', file, '--force'], { DATABASE_URL: hall.databaseUrl });
    expect(forced.code, forced.stderr).to.equal(0);
    expect(await rowsAt(hall.databaseUrl)).to.deep.equal(before);
  });

  it('takes a consistent copy while messages keep arriving: every message in it has its reading, and it is one moment', async () => {
    const hall = await Hall.open({ shareable: true });
    const file = join(dir, postgres(hall.databaseUrl) ? 'live.pgdump' : 'live.sqlite');
    let writing = true;
    let sent = 0;
    const writer = (async () => {
      const people = ['zhangsan', 'zhaoliu', 'sunqi', 'lisi', 'zhouba', 'wangwu'];
      const slots = ['晨检', '午检', '离岗'];
      // Every message a new reading (a new value for its person and slot), so each one writes a message and a report together.
      while (writing || sent < 20) {
        const value = (36 + (Math.floor(sent / 18) % 12) / 10).toFixed(1);
        await hall.send(people[sent % 6], `${slots[Math.floor(sent / 6) % 3]} ${value}`);
        sent += 1;
      }
    })();
    const backup = await runCli(['backup', '--out', file], { DATABASE_URL: hall.databaseUrl });
    writing = false;
    await writer;
    expect(backup.code, backup.stderr).to.equal(0);
    const live = { messages: await hall.count('inbound_message'), reports: await hall.count('report') };
    expect(live.messages).to.equal(sent);
    await hall.close();

    let copyUrl = `sqlite:${file}`;
    if (postgres(hall.databaseUrl)) {
      const restore = await runCli(['restore', file, '--force'], { DATABASE_URL: hall.databaseUrl });
      expect(restore.code, restore.stderr).to.equal(0);
      copyUrl = hall.databaseUrl;
    } else {
      // A single self-contained file: nothing of it waits in a -wal beside it.
      expect(existsSync(`${file}-wal`)).to.equal(false);
      const check = new BetterSqlite3(file, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).to.equal('ok');
      check.close();
    }
    const copy = await openDatabase(copyUrl);
    try {
      const messages = await copy.all<{ message_id: string }>('SELECT message_id FROM inbound_message');
      const reports = await copy.all<{ message_id: string }>('SELECT message_id FROM report');
      // Taken while writes went on: some messages before it, some after.
      expect(messages.length).to.be.greaterThan(0).and.lessThan(live.messages);
      expect(reports.map((r) => r.message_id).sort()).to.deep.equal(messages.map((m) => m.message_id).sort());
    } finally {
      await copy.close();
    }
  });

  it('restores a backup made before the latest migration and brings it up to this version', async () => {
    const source = testDatabaseUrl(true);
    const old = await openTestDatabase(undefined, source);
    await old.run("INSERT INTO staff (name, window_name, role, active, created_at, updated_at) VALUES ('张三', '1号窗口', 'staff', ?, ?, ?)", [true, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z']);
    // The database as the previous version left it.
    await old.dataSource.undoLastMigration({ transaction: 'all' });
    const migrations = old.dataSource.migrations.length;
    await old.close();
    const file = join(dir, postgres(source) ? 'old.pgdump' : 'old.sqlite');
    expect((await runCli(['backup', '--out', file], { DATABASE_URL: source })).code).to.equal(0);

    let target = `sqlite:${join(dir, 'upgraded.sqlite')}`;
    if (postgres(source)) {
      await dropEverything(source);
      target = source;
    }
    const restore = await runCli(['restore', file], { DATABASE_URL: target });
    expect(restore.code, restore.stderr).to.equal(0);
    const restored = await openDatabase(target);
    try {
      expect(await restored.all('SELECT name FROM staff')).to.deep.equal([{ name: '张三' }]);
      expect(await restored.all('SELECT name FROM migrations')).to.have.length(migrations);
    } finally {
      await restored.close();
    }
  });

  it('never overwrites a file, and says what a file that is no backup is', async () => {
    const url = testDatabaseUrl(true);
    await (await openDatabase(url)).close();
    const taken = join(dir, 'taken');
    writeFileSync(taken, 'notes');
    const over = await runCli(['backup', '--out', taken], { DATABASE_URL: url });
    expect(over.code).to.equal(1);
    expect(over.stderr).to.contain('already exists');
    const notBackup = await runCli(['restore', taken], { DATABASE_URL: url });
    expect(notBackup.code).to.equal(1);
    expect(notBackup.stderr).to.contain('not a HallGuard backup');
    const usage = await runCli(['backup'], { DATABASE_URL: url, BACKUP_DIR: '' });
    expect(usage.code).to.equal(2);
    expect(usage.stderr).to.contain('backup --out <file>');
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../bot/db/database';
import { openDatabase } from '../../bot/db/open';

/**
 * The PostgreSQL of TEST_DATABASE_URL, in a schema of this test run's own, so
 * that runs sharing the server (CI, a developer, another checkout) never see
 * each other's rows. Child processes of the run inherit the same URL.
 */
export function postgresTestUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return null;
  if (new URL(url).searchParams.has('schema')) return url;
  const scoped = new URL(url);
  scoped.searchParams.set('schema', `hg_test_${process.pid}`);
  process.env.TEST_DATABASE_URL = scoped.toString();
  return process.env.TEST_DATABASE_URL;
}

/**
 * Where a test's database lives: the PostgreSQL of TEST_DATABASE_URL (in this
 * run's schema), else in-memory SQLite — or, when other connections must reach
 * it (a second instance, a child process), a SQLite file of its own.
 */
export function testDatabaseUrl(shared = false): string {
  const pg = postgresTestUrl();
  if (pg) return pg;
  return shared ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'hg-db-')), 'hall.sqlite')}` : 'sqlite::memory:';
}

/**
 * A fresh, empty database for one test at `url` (see {@link testDatabaseUrl});
 * PostgreSQL is emptied first, so one suite runs on both databases.
 */
export async function openTestDatabase(now = new Date('2026-11-01T00:00:00Z'), url = testDatabaseUrl()): Promise<Database> {
  if (url.startsWith('sqlite:')) return openDatabase(url, now);
  const db = await openDatabase(url, now);
  const tables = db.dataSource.entityMetadatas.map((m) => `"${m.tableName}"`).join(', ');
  await db.run(`TRUNCATE ${tables} RESTART IDENTITY`);
  await db.run('INSERT INTO app_meta (key, value) VALUES (?, ?)', ['initialised_at', now.toISOString()]);
  return db;
}

/** Inserts people straight into the directory (tests that are not about the import). */
export async function seedStaff(
  db: Database,
  people: { name: string; window?: string; role?: string; wecomUserId?: string | null; dingtalkUserId?: string | null; mobile?: string | null; active?: boolean }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const p of people) {
    const [row] = await db.all<{ id: number }>(
      `INSERT INTO staff (name, window_name, role, wecom_userid, dingtalk_userid, mobile, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [p.name, p.window ?? '', p.role ?? 'staff', p.wecomUserId ?? null, p.dingtalkUserId ?? null, p.mobile ?? null, p.active ?? true, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    );
    ids.push(Number(row.id));
  }
  return ids;
}

import type { Database } from '../../bot/db/database';
import { openDatabase } from '../../bot/db/open';

/**
 * A fresh, empty database for one test: in-memory SQLite, or the PostgreSQL of
 * TEST_DATABASE_URL (emptied first) so that one suite runs on both.
 */
export async function openTestDatabase(now = new Date('2026-11-01T00:00:00Z')): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase('sqlite::memory:', now);
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

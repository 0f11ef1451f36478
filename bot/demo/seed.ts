import type { Database, Sql } from '../db/database';
import { bumpDirectoryVersion } from '../directory/directory';

export interface SeedOptions {
  staff: number;
  windows: number;
  /** Local date whose 晨检 most people have reported (none when absent). */
  reportsOn?: string;
  /** Share of people who reported, 0–1. */
  reportedShare?: number;
  /** Local date the windows have rosters for (none when absent). */
  rostersFor?: string;
  now: Date;
}

const ROWS_PER_INSERT = 500;

/** Multi-row INSERTs of at most 500 rows (well within every driver's parameter limit). */
async function insertMany(sql: Sql, head: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const marks = chunk.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ');
    await sql.run(`${head} VALUES ${marks}`, chunk.flat());
  }
}

/**
 * Fills an empty database with a synthetic city for benchmarks (`npm run cli
 * -- seed`): `staff` people over `windows` windows, one lead per window and a
 * leadership group of five, each with a WeCom and a DingTalk user id; optionally
 * the morning reports of a day and the rosters of a day.
 */
export async function seedCity(db: Database, o: SeedOptions): Promise<{ staff: number; reports: number; rosters: number }> {
  const at = o.now.toISOString();
  return db.tx(async (sql) => {
    const people: unknown[][] = [];
    for (let i = 0; i < o.staff; i++) {
      const leader = i < 5;
      const window = leader ? '领导小组' : `${((i - 5) % o.windows) + 1}号窗口`;
      const role = leader ? 'leader' : i - 5 < o.windows ? 'lead' : 'staff';
      people.push([`员工${i}`, window, role, `wx${i}`, `dt${i}`, null, true, at, at]);
    }
    await insertMany(sql, 'INSERT INTO staff (name, window_name, role, wecom_userid, dingtalk_userid, mobile, active, created_at, updated_at)', people);
    const ids = (await sql.all<{ id: unknown; window: string }>('SELECT id, window_name AS "window" FROM staff ORDER BY id')).map((r) => ({ id: Number(r.id), window: r.window }));
    let reports = 0;
    if (o.reportsOn) {
      const share = o.reportedShare ?? 0.9;
      const rows = ids.filter((_, i) => (i * 7919) % 1000 < share * 1000).map((p, i) => [p.id, o.reportsOn, 'morning', i % 97 === 0 ? 37.6 : 36.5, 'green', '', i % 97 === 0 ? 'critical' : 'normal', p.id, 'wecom', at]);
      await insertMany(sql, 'INSERT INTO report (staff_id, date, slot, temperature, health_code, symptoms, status, reported_by_id, platform, received_at)', rows);
      reports = rows.length;
    }
    let rosters = 0;
    if (o.rostersFor) {
      const byWindow = new Map<string, number[]>();
      for (const p of ids) if (p.window !== '领导小组') (byWindow.get(p.window) ?? byWindow.set(p.window, []).get(p.window)!).push(p.id);
      const windows = [...byWindow.keys()].filter((_, i) => i % 10 !== 0);
      await insertMany(
        sql,
        'INSERT INTO roster (date, window_name, closed, submitted_by_id, submitted_at, late)',
        windows.map((w) => [o.rostersFor, w, false, byWindow.get(w)![0], at, false]),
      );
      const rosterIds = new Map((await sql.all<{ id: unknown; window: string }>('SELECT id, window_name AS "window" FROM roster WHERE date = ?', [o.rostersFor])).map((r) => [r.window, Number(r.id)]));
      await insertMany(sql, 'INSERT INTO roster_entry (roster_id, staff_id)', windows.flatMap((w) => byWindow.get(w)!.slice(0, 12).map((id) => [rosterIds.get(w), id])));
      rosters = windows.length;
    }
    await bumpDirectoryVersion(sql, o.now);
    return { staff: ids.length, reports, rosters };
  });
}

import type { Database } from '../db/database';
import type { NoticeDay } from './notice';

/** What an import replaced: the earlier import of the same year, if any. */
export interface Replaced {
  importedAt: string;
  file: string;
}

/**
 * Stores a year's notice as calendar entries marked with their source,
 * replacing an earlier import of the same year, in one transaction.
 */
export async function storeNotice(
  db: Database,
  year: number,
  days: NoticeDay[],
  source: { format: 'notice' | 'ics'; file: string; now: Date },
): Promise<Replaced | null> {
  return db.tx(async (sql) => {
    const [earlier] = await sql.all<{ imported_at: string; file: string }>('SELECT imported_at, file FROM calendar_notice WHERE year = ?', [year]);
    await sql.run('DELETE FROM calendar_notice_day WHERE year = ?', [year]);
    await sql.run('DELETE FROM calendar_notice WHERE year = ?', [year]);
    await sql.run('INSERT INTO calendar_notice (year, format, file, imported_at) VALUES (?, ?, ?, ?)', [year, source.format, source.file, source.now.toISOString()]);
    for (const day of days) {
      await sql.run('INSERT INTO calendar_notice_day (year, date, kind, name) VALUES (?, ?, ?, ?)', [year, day.date, day.kind, day.name]);
    }
    return earlier ? { importedAt: earlier.imported_at, file: earlier.file } : null;
  });
}

import chineseDays from 'chinese-days';
import type { Database, Sql } from './db/database';
import { addDays } from './time';

// The package's CommonJS build has no named exports Node can see from ESM: go through its default.
const officialWorkday = (date: string): boolean => chineseDays.isWorkday(date);

/**
 * The hall's work calendar: the official Chinese calendar with its 调休
 * make-up workdays (the chinese-days package), under the administrator's
 * overrides for dates it does not know yet (SPEC §5).
 */
export class WorkCalendar {
  constructor(private readonly db: Database) {}

  /** Whether a local date (YYYY-MM-DD) is a workday. */
  async isWorkday(date: string, sql: Sql = this.db): Promise<boolean> {
    const [override] = await sql.all<{ kind: string }>('SELECT kind FROM calendar_override WHERE date = ?', [date]);
    return override ? override.kind === 'workday' : officialWorkday(date);
  }

  /** The first workday after a date: on a Friday the Monday, before a holiday the day after it. */
  async nextWorkday(date: string, sql: Sql = this.db): Promise<string> {
    const overrides = await this.overrides(sql);
    for (let d = addDays(date, 1), i = 0; i < 366; d = addDays(d, 1), i++) {
      const kind = overrides.get(d);
      if (kind ? kind === 'workday' : officialWorkday(d)) return d;
    }
    throw new Error(`no workday within a year after ${date}`);
  }

  /** The last workday before a date (the roster deadline falls on it). */
  async previousWorkday(date: string, sql: Sql = this.db): Promise<string> {
    const overrides = await this.overrides(sql);
    for (let d = addDays(date, -1), i = 0; i < 366; d = addDays(d, -1), i++) {
      const kind = overrides.get(d);
      if (kind ? kind === 'workday' : officialWorkday(d)) return d;
    }
    throw new Error(`no workday within a year before ${date}`);
  }

  /** Sets or replaces the administrator's ruling on a date. */
  async set(date: string, kind: 'holiday' | 'workday', now: Date): Promise<void> {
    await this.db.run(
      'INSERT INTO calendar_override (date, kind, updated_at) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, updated_at = excluded.updated_at',
      [date, kind, now.toISOString()],
    );
  }

  /** Removes an override: the official calendar decides again. */
  async unset(date: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM calendar_override WHERE date = ?', [date])).changes > 0;
  }

  /** Every override, by date. */
  async overrides(sql: Sql = this.db): Promise<Map<string, 'holiday' | 'workday'>> {
    const rows = await sql.all<{ date: string; kind: 'holiday' | 'workday' }>('SELECT date, kind FROM calendar_override ORDER BY date');
    return new Map(rows.map((r) => [r.date, r.kind]));
  }
}

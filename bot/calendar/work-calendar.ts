import type { Database, Sql } from '../db/database';
import { addDays } from '../time';
import { eachDay, isWeekend } from './days';
import { packageCalendar, type OfficialCalendar } from './package-data';
import { statutoryDays } from './statutory';

/** Who decided a date: the administrator, an imported notice, the package's official data, the law, or the plain week. */
export type DaySource = 'override' | 'notice' | 'package' | 'statutory' | 'week';

/** The calendar's verdict on one date, with where it comes from. */
export interface DayVerdict {
  date: string;
  workday: boolean;
  source: DaySource;
  /** The festival, e.g. 春节 (补假 days carry their festival's name); '' for an ordinary day. */
  name: string;
}

/** The rows the rules need: overrides, imported notice days, and which years have an imported notice. */
interface Facts {
  overrides: Map<string, 'holiday' | 'workday'>;
  notice: Map<string, { kind: 'holiday' | 'workday'; name: string }>;
  noticeYears: Set<number>;
}

/**
 * The hall's work calendar (SPEC §5). For any date: the administrator's
 * override → an imported State Council notice → the package's official data
 * → the statutory holidays of 《全国年节及纪念日放假办法》 plus weekends, so no
 * year is ever without its holidays.
 */
export class WorkCalendar {
  constructor(
    private readonly db: Database,
    private readonly official: OfficialCalendar = packageCalendar,
  ) {}

  /** Whether a local date (YYYY-MM-DD) is a workday. */
  async isWorkday(date: string, sql: Sql = this.db): Promise<boolean> {
    return (await this.day(date, sql)).workday;
  }

  /** The verdict on one date, with its source. */
  async day(date: string, sql: Sql = this.db): Promise<DayVerdict> {
    return this.decide(date, await this.facts(sql, date));
  }

  /** The first workday after a date: on a Friday the Monday, before a holiday the day after it. */
  async nextWorkday(date: string, sql: Sql = this.db): Promise<string> {
    return this.scan(date, 1, await this.facts(sql));
  }

  /** The last workday before a date (the roster deadline falls on it). */
  async previousWorkday(date: string, sql: Sql = this.db): Promise<string> {
    return this.scan(date, -1, await this.facts(sql));
  }

  /** Every date of a year that is not an ordinary weekday or weekend, with where its verdict comes from. */
  async specialDays(year: number, sql: Sql = this.db): Promise<DayVerdict[]> {
    const facts = await this.facts(sql);
    return eachDay(`${year}-01-01`, `${year}-12-31`)
      .map((d) => this.decide(d, facts))
      .filter((v) => v.source !== 'week');
  }

  /** Where a year's official 调休 arrangement comes from, if anywhere. */
  async officialSource(year: number, sql: Sql = this.db): Promise<'notice' | 'package' | null> {
    const [row] = await sql.all('SELECT year FROM calendar_notice WHERE year = ?', [year]);
    if (row) return 'notice';
    return this.official.years().has(year) ? 'package' : null;
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
    return (await this.facts(sql)).overrides;
  }

  private decide(date: string, facts: Facts): DayVerdict {
    const override = facts.overrides.get(date);
    if (override) return { date, workday: override === 'workday', source: 'override', name: '' };
    const notice = facts.notice.get(date);
    if (notice) return { date, workday: notice.kind === 'workday', source: 'notice', name: notice.name };
    const year = Number(date.slice(0, 4));
    const week = { date, workday: !isWeekend(date), source: 'week' as const, name: '' };
    if (facts.noticeYears.has(year)) return week;
    if (this.official.years().has(year)) {
      const ruling = this.official.ruling(date);
      return ruling ? { date, workday: ruling.kind === 'workday', source: 'package', name: ruling.name } : week;
    }
    const statutory = statutoryDays(year).get(date);
    return statutory ? { date, workday: false, source: 'statutory', name: statutory.makeUp ? `${statutory.name}补假` : statutory.name } : week;
  }

  private scan(date: string, step: 1 | -1, facts: Facts): string {
    for (let d = addDays(date, step), i = 0; i < 366; d = addDays(d, step), i++) {
      if (this.decide(d, facts).workday) return d;
    }
    throw new Error(`no workday within a year ${step > 0 ? 'after' : 'before'} ${date}`);
  }

  /** Loads the rules' rows: all of them, or only what one date needs. */
  private async facts(sql: Sql, date?: string): Promise<Facts> {
    const only = date ? ' WHERE date = ?' : '';
    const rows = await sql.all<{ src: string; date: string; kind: 'holiday' | 'workday'; name: string; year: number }>(
      `SELECT 'override' AS src, date, kind, '' AS name, 0 AS year FROM calendar_override${only}
       UNION ALL SELECT 'notice' AS src, date, kind, name, year FROM calendar_notice_day${only}
       UNION ALL SELECT 'year' AS src, '' AS date, '' AS kind, '' AS name, year FROM calendar_notice${date ? ' WHERE year = ?' : ''}`,
      date ? [date, date, Number(date.slice(0, 4))] : [],
    );
    const facts: Facts = { overrides: new Map(), notice: new Map(), noticeYears: new Set() };
    for (const r of rows) {
      if (r.src === 'override') facts.overrides.set(r.date, r.kind);
      else if (r.src === 'notice') facts.notice.set(r.date, { kind: r.kind, name: r.name });
      else facts.noticeYears.add(Number(r.year));
    }
    return facts;
  }
}

import type { Services } from '../command';
import type { Sql } from '../db/database';
import { localTime } from '../time';
import { calendarMessages } from './messages';
import type { WorkCalendar } from './work-calendar';

/** Whether a year has official 调休 data, and from where. */
export interface YearStatus {
  year: number;
  /** 'notice': imported by the administrator; 'package': chinese-days; null: statutory holidays only. */
  official: 'notice' | 'package' | null;
  /** For an imported notice: when, and from which file. */
  importedAt?: string;
  file?: string;
}

/** The calendar's state for this year and next, with the warning to show when one lacks official data. */
export interface CalendarStatus {
  years: YearStatus[];
  /** The years that should have official data by now and do not (next year only from 1 November). */
  missing: number[];
  /** The warning to show, or null when every year that matters is official. */
  warning: string | null;
}

/** Next year's notice is due: the State Council publishes it in the autumn; from 1 November its absence is warned about. */
const WARN_FROM_MONTH = 11;

/** The calendar status on a local date (YYYY-MM-DD). */
export async function calendarStatus(calendar: WorkCalendar, sql: Sql, today: string): Promise<CalendarStatus> {
  const year = Number(today.slice(0, 4));
  const years: YearStatus[] = [];
  for (const y of [year, year + 1]) {
    const official = await calendar.officialSource(y, sql);
    const [notice] = official === 'notice' ? await sql.all<{ imported_at: string; file: string }>('SELECT imported_at, file FROM calendar_notice WHERE year = ?', [y]) : [];
    years.push({ year: y, official, ...(notice ? { importedAt: notice.imported_at, file: notice.file } : {}) });
  }
  const due = Number(today.slice(5, 7)) >= WARN_FROM_MONTH ? years : years.slice(0, 1);
  const missing = due.filter((y) => y.official === null).map((y) => y.year);
  return { years, missing, warning: missing.length > 0 ? calendarMessages.missing(missing) : null };
}

/** At start-up: a warning line in the log while a year that matters has no official data. */
export async function logCalendarWarning({ calendar, db, clock, config, log }: Services): Promise<void> {
  const status = await calendarStatus(calendar, db, localTime(clock.now(), config.timezone).date);
  if (status.warning) log.warn({ missingYears: status.missing }, status.warning);
}

/** The calendar's part of /healthz: which years have official data, and the warning while one is missing (still 200). */
export async function calendarHealth(services: Services): Promise<Record<string, unknown>> {
  const status = await calendarStatus(services.calendar, services.db, localTime(services.clock.now(), services.config.timezone).date);
  return {
    status: status.warning ? 'missing' : 'ok',
    years: Object.fromEntries(status.years.map((y) => [y.year, y.official ?? 'statutory'])),
    ...(status.warning ? { missing: status.missing, warning: status.warning } : {}),
  };
}

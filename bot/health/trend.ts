import { alertsPerDay } from '../alerts/figures';
import type { ChartSeries } from '../brief/section';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { attendance, dayTotals } from './attendance';

/** One day of the trend: the 晨检 figure (people expected, people who reported) and the alerts opened. */
export interface TrendDay {
  date: string;
  /** People expected to report that day (see attendance); null on a day off, when nobody is. */
  expected: number | null;
  /** Of them, people with a 晨检 reading: the day's 晨检 figure, whatever re-tests or 加测 followed. */
  morning: number;
  /** Alerts opened that day — staff, visitors, cases opened by hand; never a drill. */
  alerts: number;
}

/**
 * The days of the trend (consecutive local dates, oldest first), of the hall
 * or of one window: each day's 晨检 figure by the same definition as the
 * day's text (attendance, dayTotals) and its alerts (alertsPerDay); nobody is
 * expected on a day off (the calendar of SPEC §5). Three queries a day,
 * whatever the size of the hall, one day held at a time.
 */
export async function dailyTrend(
  sql: Sql,
  a: { people: Person[]; dates: string[]; timezone: string; isWorkday: (date: string) => Promise<boolean>; window?: string },
): Promise<TrendDay[]> {
  const alerts = await alertsPerDay(sql, a.dates, a.timezone, a.window);
  const days: TrendDay[] = [];
  for (const [i, date] of a.dates.entries()) {
    const totals = dayTotals(await attendance(sql, a.people, date, a.window));
    days.push({ date, expected: (await a.isWorkday(date)) ? totals.expected : null, morning: totals.reported.morning, alerts: alerts[i] });
  }
  return days;
}

/**
 * The trend as a chart draws it, on one axis of people and counts: the 晨检
 * figure as bars against the people expected, and the alerts — the series of
 * the daily brief's chart and of the dashboard's.
 */
export function trendSeries(days: TrendDay[]): ChartSeries[] {
  return [
    { name: '晨检已报（人）', kind: 'bar', values: days.map((d) => d.morning) },
    { name: '应报（人）', kind: 'line', reference: true, values: days.map((d) => d.expected) },
    { name: '异常（次）', kind: 'line', values: days.map((d) => d.alerts) },
  ];
}

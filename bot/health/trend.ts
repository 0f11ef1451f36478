import type { Sql } from '../db/database';
import { addDays } from '../time';

/** One day of the hall's readings: current reports, anomalous ones, and the people who reported. */
export interface TrendDay {
  date: string;
  reports: number;
  anomalies: number;
  people: number;
}

/**
 * The last `days` days up to `today` (every day present, zero when nothing was
 * reported), of the whole hall or of one window: one query. The dashboard's
 * chart and the daily brief's read the same figures.
 */
export async function dailyTrend(sql: Sql, today: string, days: number, window: string | null = null): Promise<TrendDay[]> {
  const from = addDays(today, -(days - 1));
  const rows = await sql.all<{ date: string; reports: unknown; anomalies: unknown; people: unknown }>(
    `SELECT r.date, count(*) AS reports, sum(CASE WHEN r.status <> 'normal' THEN 1 ELSE 0 END) AS anomalies, count(DISTINCT r.staff_id) AS people
       FROM report r${window === null ? '' : ' JOIN staff s ON s.id = r.staff_id'}
      WHERE r.date >= ? AND r.date <= ? AND r.superseded_at IS NULL${window === null ? '' : ' AND s.window_name = ?'} GROUP BY r.date`,
    window === null ? [from, today] : [from, today, window],
  );
  const byDate = new Map(rows.map((r) => [r.date, r]));
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(from, i);
    const r = byDate.get(date);
    return { date, reports: Number(r?.reports ?? 0), anomalies: Number(r?.anomalies ?? 0), people: Number(r?.people ?? 0) };
  });
}

import { eachRow, type Sql } from './db/database';
import { addDays } from './time';

/**
 * The health cross-check of rostered people (issue: rosters): an open
 * anomaly, a report at or above the fever threshold in the last 3 days, or no
 * report today. Three queries whatever the number of people; each flagged
 * person gets short Chinese descriptions.
 */
export async function healthFlags(sql: Sql, staffIds: number[], today: string, feverThreshold: number): Promise<Map<number, string[]>> {
  const wanted = new Set(staffIds);
  const flags = new Map<number, string[]>();
  const flag = (id: number, text: string) => {
    if (wanted.has(id)) flags.set(id, [...(flags.get(id) ?? []), text]);
  };
  const alerts = await sql.all<{ staffId: unknown; id: unknown }>(`SELECT staff_id AS "staffId", id FROM alert WHERE status = 'open' ORDER BY id`);
  for (const a of alerts) flag(Number(a.staffId), `有未处置的异常（告警 #${Number(a.id)}）`);
  const fevers = await sql.all<{ staffId: unknown; temperature: unknown; date: string }>(
    `SELECT staff_id AS "staffId", max(temperature) AS temperature, max(date) AS date FROM report
      WHERE date >= ? AND date <= ? AND temperature >= ? AND superseded_at IS NULL GROUP BY staff_id`,
    [addDays(today, -2), today, feverThreshold],
  );
  for (const f of fevers) flag(Number(f.staffId), `近 3 天体温 ${Number(f.temperature).toFixed(1)}℃`);
  const reported = new Set<number>();
  await eachRow<{ staffId: unknown }>(sql, 'SELECT DISTINCT staff_id AS "staffId" FROM report WHERE date = ? AND superseded_at IS NULL', [today], (r) => reported.add(Number(r.staffId)));
  for (const id of wanted) if (!reported.has(id)) flag(id, '今日未上报体温');
  return flags;
}

import type { Sql } from '../db/database';
import { checkedNote } from '../free-text';
import { minutesOf, type DisinfectionPlan } from './plan';

/** One area logged: by whom, when (ISO 8601) and what was said. */
export interface AreaLog {
  area: string;
  by: string;
  at: string;
  note: string;
}

/** One round of a day: the routine areas logged and those still missing, and the ad-hoc places logged in it. */
export interface RoundView {
  /** HH:mm */
  round: string;
  done: AreaLog[];
  missing: string[];
  adHoc: AreaLog[];
}

/** The group that does the rounds (SPEC §13); with no members, the leadership group. */
export const DISINFECTION_GROUP = '消毒防疫组';

/**
 * The day's rounds by area (for `消杀状态`, the dashboard and the daily brief):
 * each configured round with the routine areas logged in it (the first log of
 * an area counts), the areas missing, and the ad-hoc places. One query.
 */
export async function roundsToday(sql: Sql, date: string, plan: DisinfectionPlan): Promise<RoundView[]> {
  const rows = await sql.all<{ round: string; area: string; routine: unknown; note: string; by: string; at: string }>(
    `SELECT d.round, d.area, d.routine, d.note, s.name AS "by", d.done_at AS "at"
       FROM disinfection_log d JOIN staff s ON s.id = d.done_by_id WHERE d.date = ? ORDER BY d.done_at, d.id`,
    [date],
  );
  return plan.rounds.map((round) => {
    const mine = rows.filter((r) => r.round === round);
    const log = (r: (typeof rows)[number]): AreaLog => ({ area: r.area, by: r.by, at: r.at, note: r.note });
    const done = plan.areas.flatMap((area) => {
      const first = mine.find((r) => r.area === area);
      return first ? [log(first)] : [];
    });
    return { round, done, missing: plan.areas.filter((a) => !done.some((d) => d.area === a)), adHoc: mine.filter((r) => !plan.areas.includes(r.area)).map(log) };
  });
}

/**
 * The rounds of a day that have started by a local time (minutes since
 * midnight): begun by the clock, or with an entry already — an area logged
 * before the first round (at 00:27, say) counts for that round (see roundAt).
 * The one rule 消杀状态, the dashboard and the daily brief share, so that they
 * agree at any hour.
 */
export function begunRounds(rounds: RoundView[], minutes: number): RoundView[] {
  return rounds.filter((r) => minutesOf(r.round) <= minutes || r.done.length > 0 || r.adHoc.length > 0);
}

/** Records areas disinfected within a round, in the message's transaction. */
export async function logAreas(sql: Sql, a: { date: string; round: string; areas: string[]; routine: boolean; note: string; byId: number; at: Date }): Promise<void> {
  for (const area of a.areas) {
    await sql.run('INSERT INTO disinfection_log (date, round, area, routine, note, done_by_id, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      a.date,
      a.round,
      area,
      a.routine,
      checkedNote(a.note),
      a.byId,
      a.at.toISOString(),
    ]);
  }
}

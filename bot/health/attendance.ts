import type { DailySlot } from '../../entities';
import { eachRow, type Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { expectedToReport } from './figures';

/** One window's day: who is expected to report, and who reported which slot. */
export interface WindowDay {
  window: string;
  expected: Person[];
  /** Ids of the expected people with a current report, per daily slot (a 加测 reading counts for none). */
  reported: Record<DailySlot, Set<number>>;
  roster: 'submitted' | 'closed' | 'none';
}

const SLOTS: DailySlot[] = ['morning', 'midday', 'leave'];

/**
 * Who is expected to report on a date, and who did, by window — in a constant
 * number of queries whatever the size of the hall (SPEC §9). Expected: see
 * {@link expectedToReport}; when the window has a roster for the date, only
 * the people on it (a closed window expects nobody); a person rostered for
 * another window is expected too.
 */
export async function attendance(sql: Sql, people: Person[], date: string, onlyWindow?: string): Promise<WindowDay[]> {
  const rosters = await sql.all<{ window: string; closed: unknown }>(
    'SELECT window_name AS "window", closed FROM roster WHERE date = ? AND superseded_at IS NULL',
    [date],
  );
  const listed = new Set(
    (
      await sql.all<{ staffId: unknown }>(
        'SELECT e.staff_id AS "staffId" FROM roster_entry e JOIN roster r ON r.id = e.roster_id WHERE r.date = ? AND r.superseded_at IS NULL',
        [date],
      )
    ).map((r) => Number(r.staffId)),
  );

  const rosterOf = new Map(rosters.map((r) => [r.window, r.closed ? ('closed' as const) : ('submitted' as const)]));
  const days = new Map<string, WindowDay>();
  for (const person of people) {
    if (!expectedToReport(person) || (onlyWindow !== undefined && person.window !== onlyWindow)) continue;
    let day = days.get(person.window);
    if (!day) {
      day = { window: person.window, expected: [], reported: { morning: new Set(), midday: new Set(), leave: new Set() }, roster: rosterOf.get(person.window) ?? 'none' };
      days.set(person.window, day);
    }
    if (day.roster === 'none' || listed.has(person.id)) day.expected.push(person);
  }
  const expectedIds = new Map<number, WindowDay>();
  for (const day of days.values()) for (const p of day.expected) expectedIds.set(p.id, day);
  await eachRow<{ staffId: unknown; slot: DailySlot }>(sql, `SELECT staff_id AS "staffId", slot FROM report WHERE date = ? AND slot <> 'extra' AND superseded_at IS NULL`, [date], (r) =>
    expectedIds.get(Number(r.staffId))?.reported[r.slot].add(Number(r.staffId)),
  );
  return [...days.values()].sort((a, b) => a.window.localeCompare(b.window, 'zh-CN', { numeric: true }));
}

/** The expected people of a window who have not reported a slot. */
export function missing(day: WindowDay, slot: DailySlot): Person[] {
  return day.expected.filter((p) => !day.reported[slot].has(p.id));
}

/** A day's figures of the hall or of a window: how many are expected, and how many of them reported each daily slot. */
export interface DayTotals {
  expected: number;
  reported: Record<DailySlot, number>;
}

/** The totals of the windows of a day: the one sum 今日统计, the summaries, the brief, its chart and the dashboard show. */
export function dayTotals(days: WindowDay[]): DayTotals {
  const sum = (slot: DailySlot) => days.reduce((n, d) => n + d.reported[slot].size, 0);
  return { expected: days.reduce((n, d) => n + d.expected.length, 0), reported: { morning: sum('morning'), midday: sum('midday'), leave: sum('leave') } };
}

export { SLOTS };

import type { Sql } from '../db/database';
import type { Person } from '../directory/person';
import { currentRosters, type CurrentRoster } from '../rosters/rosters';

/**
 * The one definition of the hall's figures that `今日统计`, `排班状态`, the
 * jobs and the dashboard all use, so that every count agrees wherever it is read.
 */

const byWindowName = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/**
 * Who is expected to report (SPEC §5): every active person with a window —
 * staff, leads and leaders alike; an administrator without a window is not.
 * On a date a window has a roster for, only the people on it (see attendance).
 */
export function expectedToReport(person: Person): boolean {
  return person.active && person.window !== '';
}

/**
 * The windows that keep a daily roster: those with an active lead, who
 * submits it. Groups without a lead (the leadership group, logistics) report
 * temperatures but keep no window roster.
 */
export function rosterWindows(people: Person[]): string[] {
  return [...new Set(people.filter((p) => p.active && p.role === 'lead' && p.window).map((p) => p.window))].sort(byWindowName);
}

/** The roster figures of one date: which windows need one, which have submitted, which are missing. */
export interface RosterProgress {
  date: string;
  /** Windows that need a roster, plus any other that has one (a leader may submit for it). */
  windows: string[];
  rosters: CurrentRoster[];
  missing: string[];
}

/** The roster figures of a date, of the whole hall or of one window: two queries. */
export async function rosterProgress(sql: Sql, people: Person[], date: string, onlyWindow?: string): Promise<RosterProgress> {
  const rosters = await currentRosters(sql, date, onlyWindow);
  const submitted = new Set(rosters.map((r) => r.window));
  const needed = rosterWindows(people).filter((w) => onlyWindow === undefined || w === onlyWindow);
  const windows = [...new Set([...needed, ...submitted])].sort(byWindowName);
  return { date, windows, rosters, missing: windows.filter((w) => !submitted.has(w)) };
}

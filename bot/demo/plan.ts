import type { Core } from '../core';
import type { Person } from '../directory/directory';
import { localTime, zonedInstant } from '../time';
import { ROSTER_WINDOWS } from './hall';

/** The days and people the demonstration's stories are told on, for a `now`. */
export interface DemoPlan {
  now: Date;
  /** Today, local. */
  today: string;
  /** The history's workdays, oldest first: the five before today, and today once its morning is over. */
  workdays: string[];
  /** The days with rosters: the history's, today when a workday, and the next workday (whose rosters are due this afternoon). */
  rosterDates: string[];
  next: string;
  /** The workday before each roster date, when its lead sends it. */
  rosterSentOn: Map<string, string>;
  people: Map<string, Person>;
  /** An instant: a local date and minutes after midnight. */
  at(date: string, minutes: number): Date;
  /**
   * `minutes` before now, scaled down when today is younger than the
   * stories of today need, so that today's events all fall on today.
   */
  ago(minutes: number): Date;
}

/** The history's length, in workdays before today. */
const HISTORY_WORKDAYS = 5;
/** The earliest event of today's stories, in minutes before now (the first visitor at the door). */
export const TODAY_SPAN = 200;

/** Works out the days of the demonstration for `now`, from the hall's work calendar. */
export async function demoPlan(core: Core, now: Date): Promise<DemoPlan> {
  const { calendar, config, directory } = core.services;
  const tz = config.timezone;
  const local = localTime(now, tz);
  const today = local.date;
  const todayIsWorkday = await calendar.isWorkday(today);
  const workdays: string[] = [];
  for (let d = await calendar.previousWorkday(today); workdays.length < HISTORY_WORKDAYS; d = await calendar.previousWorkday(d)) workdays.unshift(d);
  // Today belongs to the history once its morning is over; before that, its reports are the newcomer's to send.
  if (todayIsWorkday && local.hour >= 9) workdays.push(today);
  const next = await calendar.nextWorkday(today);
  const rosterDates = [...new Set([...workdays, ...(todayIsWorkday ? [today] : []), next])];
  const rosterSentOn = new Map<string, string>();
  for (const date of rosterDates) rosterSentOn.set(date, await calendar.previousWorkday(date));
  const sinceMidnight = local.hour * 60 + local.minute;
  const scale = Math.min(1, Math.max(0, sinceMidnight - 1) / (TODAY_SPAN + 5));
  return {
    now,
    today,
    workdays,
    rosterDates,
    next,
    rosterSentOn,
    people: new Map((await directory.active()).map((p) => [p.name, p])),
    at: (date, minutes) => zonedInstant(date, Math.floor(minutes / 60), minutes % 60, tz),
    ago: (minutes) => new Date(now.getTime() - minutes * scale * 60_000),
  };
}

/** The people of a window, in directory order. */
export const windowMembers = (plan: DemoPlan, window: string) => [...plan.people.values()].filter((p) => p.window === window);

/**
 * Who a window's roster names on the `index`-th roster day: everyone but one
 * colleague, in turn; 3号窗口 is closed every fourth day. Null: closed.
 */
export function rosterOf(plan: DemoPlan, window: string, index: number): Person[] | null {
  const members = windowMembers(plan, window);
  if (window === '3号窗口' && index % 4 === 2) return null;
  const off = 1 + ((index + ROSTER_WINDOWS.indexOf(window)) % (members.length - 1));
  return members.filter((_, i) => i !== off);
}

/** The date a workday counted back from the history's latest (0) falls on, if the history reaches it. */
export const workdayBack = (plan: DemoPlan, back: number): string | undefined => plan.workdays[plan.workdays.length - 1 - back];

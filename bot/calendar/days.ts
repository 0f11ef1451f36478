import { addDays } from '../time';

/** Whether a local date (YYYY-MM-DD) is a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** Day of the week of a local date, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(s: string | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** How a date reads in Chinese with its weekday: 2027-02-05（周五）. */
export function withWeekday(date: string): string {
  return `${date}（周${'日一二三四五六'[weekday(date)]}）`;
}

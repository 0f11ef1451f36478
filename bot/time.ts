/** A source of the current time; tests pass a fixed or advancing clock instead of the real one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock the tests move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** The wall-clock reading of an instant in the hall's time zone. */
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** minutes east of UTC */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset (minutes east of UTC) at an instant, from Intl: exact but slow. */
function offsetAt(at: Date, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** Offsets by zone and quarter hour: every offset change on record falls on a quarter hour. */
const offsets = new Map<string, { quarter: number; offset: number }>();
const QUARTER_MS = 15 * 60_000;

/** Reads an instant as the hall's local calendar date and time (Intl once per quarter hour, arithmetic otherwise). */
export function localTime(at: Date, timeZone: string): LocalTime {
  const quarter = Math.floor(at.getTime() / QUARTER_MS);
  let cached = offsets.get(timeZone);
  if (!cached || cached.quarter !== quarter) {
    cached = { quarter, offset: offsetAt(at, timeZone) };
    offsets.set(timeZone, cached);
  }
  const shifted = new Date(at.getTime() + cached.offset * 60_000);
  const y = shifted.getUTCFullYear();
  return {
    date: `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes: cached.offset,
  };
}

/** ISO 8601 with the hall's offset, e.g. 2026-11-23T08:01:02+08:00. */
export function localIso(at: Date, timeZone: string): string {
  const t = localTime(at, timeZone);
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(t.offsetMinutes);
  return `${t.date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** HH:mm local. */
export function localClock(at: Date, timeZone: string): string {
  const t = localTime(at, timeZone);
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/**
 * When something happened, as a message says it: `07:55` when it was on the
 * local date `today`, else `11月22日 07:55` — a time alone would pass for today's.
 */
export function localWhen(at: Date, today: string, timeZone: string): string {
  const t = localTime(at, timeZone);
  const clock = `${pad(t.hour)}:${pad(t.minute)}`;
  return t.date === today ? clock : `${Number(t.date.slice(5, 7))}月${Number(t.date.slice(8, 10))}日 ${clock}`;
}

/** The instant a local date and time in a zone names (for the two hours a year of DST-less zones, exact). */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, mo - 1, d, hour, minute);
  const offset = localTime(new Date(guess), timeZone).offsetMinutes;
  const first = guess - offset * 60000;
  const corrected = localTime(new Date(first), timeZone).offsetMinutes;
  return new Date(guess - corrected * 60000);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The span a platform's own timestamp may fall in; outside it the platform time is unknown. */
const PLAUSIBLE = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) };

/**
 * A platform's timestamp in milliseconds as a date, or undefined when it is
 * not a number or not a plausible time (`createAt: 1e20`): the message is
 * still handled, its date and slot coming from the receive time anyway.
 */
export function platformInstant(ms: unknown): Date | undefined {
  const value = typeof ms === 'string' && ms.trim() !== '' ? Number(ms) : ms;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < PLAUSIBLE.from || value >= PLAUSIBLE.to) return undefined;
  return new Date(value);
}

/** The hall's disinfection plan (SPEC §13): the areas of each round and the round times, local HH:mm. */
export interface DisinfectionPlan {
  areas: string[];
  rounds: string[];
}

/** How long after a round the areas not logged go to the leadership group. */
export const CHECK_AFTER_MINUTES = 45;

/** Words an area may not be: they mean something else after 消杀. */
const RESERVED = new Set(['全部', '所有', '状态']);

/** Splits a configured list on commas (half or full width), 、 or spaces. */
const items = (text: string) => text.split(/[,，、;；\s]+/).filter(Boolean);

/**
 * Reads DISINFECTION_AREAS; throws a sentence for the operator: an area is a
 * word without spaces or digits at its start (`消杀 网办区 完成` is parsed by
 * words, and a leading number is an incident's), listed once.
 */
export function parseAreas(text: string): string[] {
  const areas = items(text);
  if (areas.length === 0) throw new Error('list at least one area, e.g. 公共区域,税务区,网办区');
  for (const area of areas) {
    if (area.length > 16) throw new Error(`"${area}" is longer than 16 characters`);
    if (/^#?\d/.test(area)) throw new Error(`"${area}" starts with a number, which chat reads as an incident number (消杀 12 …)`);
    if (RESERVED.has(area)) throw new Error(`"${area}" is a command word; name the area otherwise`);
  }
  const twice = areas.find((a, i) => areas.indexOf(a) !== i);
  if (twice) throw new Error(`"${twice}" is listed twice`);
  return areas;
}

/**
 * Reads DISINFECTION_ROUNDS (`08:00,12:00,17:30`): local times, sorted. A round's
 * check runs 45 minutes later on the same day, so the last round is at 23:14 at
 * the latest.
 */
export function parseRounds(text: string): string[] {
  const rounds = items(text).map((part) => {
    const m = /^(\d{1,2})[:：](\d{2})$/.exec(part);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new Error(`"${part}" is not a time of day as HH:MM (24-hour), e.g. 08:00,12:00,17:30`);
    const round = `${m[1].padStart(2, '0')}:${m[2]}`;
    if (minutesOf(round) + CHECK_AFTER_MINUTES >= 24 * 60) throw new Error(`"${part}": its check ${CHECK_AFTER_MINUTES} minutes later would fall on the next day; rounds end by 23:14`);
    return round;
  });
  if (rounds.length === 0) throw new Error('list at least one round time, e.g. 08:00,12:00,17:30');
  const sorted = [...new Set(rounds)].sort();
  if (sorted.length < rounds.length) throw new Error(`a time is listed twice (${rounds.join(',')})`);
  return sorted;
}

/** 17:30 → 1050 */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** 1050 → 17:30 */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The round a local time (minutes since midnight) belongs to: the latest round that has begun; before the first, the first. */
export function roundAt(rounds: string[], minutes: number): string {
  return rounds.filter((r) => minutesOf(r) <= minutes).at(-1) ?? rounds[0];
}

/**
 * Cron expressions that fire exactly at each round plus `offset` minutes: one
 * per distinct minute (`0 8,12 * * *` and `30 17 * * *`), since one expression
 * cannot say 08:00, 12:00 and 17:30 without also saying 08:30 or 17:00.
 */
export function roundCrons(rounds: string[], offset = 0): string[] {
  const hoursByMinute = new Map<number, number[]>();
  for (const r of rounds) {
    const at = minutesOf(r) + offset;
    hoursByMinute.set(at % 60, [...(hoursByMinute.get(at % 60) ?? []), Math.floor(at / 60)]);
  }
  return [...hoursByMinute].map(([minute, hours]) => `${minute} ${hours.join(',')} * * *`);
}

/**
 * The hall's disinfection plan (SPEC §13): the areas of each round, the other
 * names the hall calls some of them (公共区域 ← 大厅, 大堂), and the round
 * times, local HH:mm.
 */
export interface DisinfectionPlan {
  areas: string[];
  /** Each area's other names, by area; an area without any is absent. */
  aliases: Record<string, string[]>;
  rounds: string[];
}

/** How long after a round the areas not logged go to the leadership group. */
export const CHECK_AFTER_MINUTES = 45;

/** Words an area may not be: they mean something else after 消杀. */
const RESERVED = new Set(['全部', '所有', '状态', '情况', '进度', '记录']);

/** Splits a configured list on commas (half or full width), 、 or spaces. */
const items = (text: string) => text.split(/[,，、;；\s]+/).filter(Boolean);

/** An area with its aliases in brackets: `公共区域(大厅|大堂)`, full-width brackets and bars or 、 / , between the aliases too. */
const WITH_ALIASES = /^([^()（）]+)[(（]([^()（）]*)[)）]$/;

/** Splits DISINFECTION_AREAS on its separators, but not inside an area's brackets. */
function areaItems(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('(（'.includes(ch)) depth += 1;
    if (')）'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,，、;；\s]/.test(ch)) {
      if (current) found.push(current);
      current = '';
    } else current += ch;
  }
  if (depth > 0) throw new Error(`"${current}" opens a bracket it does not close; write aliases as 公共区域(大厅|大堂)`);
  if (current) found.push(current);
  return found;
}

/** Checks one name an area goes by. */
function checkName(name: string): void {
  if (name.length > 16) throw new Error(`"${name}" is longer than 16 characters`);
  if (/^#?\d/.test(name)) throw new Error(`"${name}" starts with a number, which chat reads as an incident number (消杀 12 …)`);
  if (RESERVED.has(name)) throw new Error(`"${name}" is a command word; name the area otherwise`);
}

/**
 * Reads DISINFECTION_AREAS; throws a sentence for the operator: an area is a
 * word without spaces or digits at its start (`消杀 网办区 完成` is parsed by
 * words, and a leading number is an incident's), optionally with the other
 * names the hall calls it in brackets (`公共区域(大厅|大堂)`); every name is
 * listed once.
 */
export function parseAreas(text: string): Pick<DisinfectionPlan, 'areas' | 'aliases'> {
  const areas: string[] = [];
  const aliases: Record<string, string[]> = {};
  for (const item of areaItems(text)) {
    const m = WITH_ALIASES.exec(item);
    if (!m && /[()（）]/.test(item)) throw new Error(`"${item}" is not an area with aliases; write 公共区域(大厅|大堂)`);
    const area = m ? m[1].trim() : item;
    checkName(area);
    areas.push(area);
    if (!m) continue;
    const others = m[2].split(/[|｜/、,，\s]+/).filter(Boolean);
    if (others.length === 0) throw new Error(`"${item}" has empty brackets; list its other names as 公共区域(大厅|大堂)`);
    others.forEach(checkName);
    aliases[area] = others;
  }
  if (areas.length === 0) throw new Error('list at least one area, e.g. 公共区域,税务区,网办区');
  const names = [...areas, ...Object.values(aliases).flat()];
  const twice = names.find((a, i) => names.indexOf(a) !== i);
  if (twice) throw new Error(`"${twice}" is listed twice`);
  return { areas, aliases };
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

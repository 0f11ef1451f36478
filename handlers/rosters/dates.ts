import { addDays } from '../../bot/time';

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** The weekday of a YYYY-MM-DD date, Monday = 1 … Sunday = 7. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function valid(y: number, m: number, d: number): string | null {
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

/** The year that puts a month and day nearest to today (so 1月3日 typed in late December is next year). */
function nearest(today: string, m: number, d: number): string | null {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => valid(y, m, d)).filter((c): c is string => c !== null);
  const distance = (c: string) => Math.abs(Date.parse(c) - Date.parse(today));
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/**
 * Reads a roster date as people write it: `2026-11-24`, `2026/11/24`,
 * `2026年11月24日`, `11月24日` / `11月24号`, `11-24`, `11/24`, `11.24`, `明天`,
 * `后天`, `周五` / `星期五` (the coming one), `下周一` … `下周日`.
 * Returns the date (YYYY-MM-DD) and how many characters it took, or null.
 */
export function parseRosterDate(text: string, today: string): { date: string; length: number } | null {
  let m = /^(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})(?:日|号)?/.exec(text);
  if (m) {
    const date = valid(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, length: m[0].length } : null;
  }
  m = /^(\d{1,2})月(\d{1,2})(?:日|号)?/.exec(text) ?? /^(\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(text);
  if (m) {
    const date = nearest(today, Number(m[1]), Number(m[2]));
    return date ? { date, length: m[0].length } : null;
  }
  if (text.startsWith('明天')) return { date: addDays(today, 1), length: 2 };
  if (text.startsWith('后天')) return { date: addDays(today, 2), length: 2 };
  m = /^下(?:周|星期|礼拜)([一二三四五六日天])/.exec(text);
  if (m) {
    const nextMonday = addDays(today, 8 - isoWeekday(today));
    return { date: addDays(nextMonday, WEEKDAYS[m[1]] - 1), length: m[0].length };
  }
  m = /^(?:本|这)?(?:周|星期|礼拜)([一二三四五六日天])/.exec(text);
  if (m) return { date: addDays(today, ((WEEKDAYS[m[1]] - isoWeekday(today) + 6) % 7) + 1), length: m[0].length };
  return null;
}

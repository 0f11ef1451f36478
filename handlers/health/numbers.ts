import { DECIMAL_COMMA_MARK } from '../../bot/normalise';

/** What a run of digits in a report is, when it is one of the things a report may contain. */
export type NumberPiece =
  | { type: 'number'; value: number; integer: boolean; fahrenheit: boolean; written: string }
  | { type: 'date'; year?: number; month: number; day: number }
  | { type: 'filler' }
  | { type: 'unknown'; word: string };

interface Matcher {
  re: RegExp;
  read(m: RegExpExecArray): NumberPiece | null;
}

const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/** A unit after a value; a lone `c`/`f` only when no letter follows (`36.5c`, not the c of `36.5cough`). */
const UNIT = String.raw`(?:\s?(°\s?[cf]|摄氏度|度|°|[cf](?![a-z])))?`;

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Matchers tried at one position; the longest match wins, and on a tie the
 * earlier one: a clock time (`7点45`) before a temperature said aloud (`36点5`).
 */
const MATCHERS: Matcher[] = [
  // 2026-12-02, 2026/12/2, 2026.12.2, 2026年12月2日
  {
    re: /(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})(?:日|号)?/y,
    read: (m) => (validDay(+m[2], +m[3]) ? { type: 'date', year: +m[1], month: +m[2], day: +m[3] } : null),
  },
  // 12月2日, 12月2号, 12/2
  { re: /(\d{1,2})月(\d{1,2})(?:日|号)?|(\d{1,2})\/(\d{1,2})(?![\d/])/y, read: (m) => monthDay(+(m[1] ?? m[3]), +(m[2] ?? m[4])) },
  // 7:45, 07:45:10, 7:45am; 7点45, 8点半, 8时30分, 8点
  { re: /(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[ap]m)?/y, read: () => ({ type: 'filler' }) },
  { re: /(?:[01]?\d|2[0-4])(?:点|时)(?:[0-5]?\d分?|半|整|钟)?(?![\d.])/y, read: () => ({ type: 'filler' }) },
  // counts and places: 1号窗口, 3楼, 第2次, 24小时, 2次, 5人, 90%
  { re: /第?\d{1,4}\s?(?:号窗口|窗口|号窗|号台|楼|层|次|遍|小时|h(?![a-z])|分钟|天|日|号|人|位|针|剂|%)/y, read: (m) => (/^\d{1,2}(日|号)$/.test(m[0]) ? dayOnly(m[0]) : { type: 'filler' }) },
  // A long run of digits (a phone number, an id, garbage) is no temperature.
  { re: /\d{5,}(?:\.\d+)?/y, read: (m) => ({ type: 'unknown', word: m[0] }) },
  // 36.5; 36..5, 36. 5, 36 .5, 36·5, 36:5, 36 5 and a decimal comma (marked by normalise) typed for it; 36点5, 36度5 as said aloud
  {
    re: new RegExp(String.raw`(\d{1,4})(?:(?:\s?\.{1,3}\s?|[·${DECIMAL_COMMA_MARK}]|点|度|[: ](?=\d(?![\d.])))(\d+))?${UNIT}`, 'iy'),
    read: (m) => temperature(m[1], m[2], m[3], m[0]),
  },
  // 三十六度五, 三十六点八, 三十七度
  {
    re: new RegExp(String.raw`([三四])十([一二三四五六七八九])?(?:(?:点|度)([零〇一二三四五六七八九]))?${UNIT}`, 'iy'),
    read: (m) => temperature(String(HAN_DIGITS[m[1]] * 10 + (m[2] ? HAN_DIGITS[m[2]] : 0)), m[3] === undefined ? undefined : String(HAN_DIGITS[m[3]]), m[4], m[0]),
  },
];

function monthDay(month: number, day: number): NumberPiece | null {
  return validDay(month, day) ? { type: 'date', month, day } : null;
}

/** `2号` / `2日` alone is a day of this month; the day decides whether it is today. */
function dayOnly(text: string): NumberPiece | null {
  const day = Number(text.replace(/\D/g, ''));
  return day >= 1 && day <= 31 ? { type: 'date', month: 0, day } : null;
}

function temperature(whole: string, fraction: string | undefined, unit: string | undefined, written: string): NumberPiece {
  const value = Number(fraction === undefined ? whole : `${whole}.${fraction}`);
  return { type: 'number', value, integer: fraction === undefined, fahrenheit: /f/i.test(unit ?? ''), written: written.trim() };
}

/** What every matcher above starts with. */
const NUMBER_START = /[\d第三四]/;

/** The number-like piece at `at`, with its length, or null when none starts there. */
export function numberAt(text: string, at: number): { piece: NumberPiece; length: number } | null {
  if (!NUMBER_START.test(text[at])) return null;
  let best: { piece: NumberPiece; length: number } | null = null;
  for (const { re, read } of MATCHERS) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || (best && m[0].length <= best.length)) continue;
    const piece = read(m);
    if (piece) best = { piece, length: m[0].length };
  }
  return best;
}

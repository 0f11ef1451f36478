import type { HealthCode, Slot } from '../../entities';
import { tokenize, type Token } from './tokenize';
import { BEHALF_WORDS, CODE_WORDS, CORRECTION_WORDS, SLOT_WORDS, TEMPERATURE_WORDS } from './vocabulary';

export { CODE_LABEL, SLOT_LABEL } from '../../bot/labels';
export { SYMPTOM_WORDS, SYMPTOMS } from './vocabulary';

/** A temperature report the grammar accepted (SPEC §3.1). */
export interface ParsedReport {
  kind: 'report';
  /** Absent: by local time ({@link slotAt}). */
  slot?: Slot;
  /** °C, one decimal. */
  temperature: number;
  /** Absent: not given. */
  healthCode?: HealthCode;
  /** Canonical symptoms. null: not mentioned; []: declared none (无 / 无症状). */
  symptoms: string[] | null;
  /** The text said 更正. */
  correction: boolean;
}

/** Why a text is not an acceptable report; the reply names the problem and nothing is stored. */
export type ReportProblem =
  | { kind: 'missing-temperature' }
  | { kind: 'decimal-missing'; value: number; suggestion: number }
  | { kind: 'fahrenheit'; value: number; celsius: number }
  | { kind: 'out-of-range'; value: number }
  | { kind: 'several-temperatures'; values: number[] }
  | { kind: 'conflicting-codes'; codes: HealthCode[] }
  | { kind: 'conflicting-slots'; slots: Slot[] }
  | { kind: 'unknown-words'; words: string[] };

/** `代报 张三 36.5` read: whom it is for, and the report. */
export interface ParsedBehalf {
  kind: 'behalf';
  name: string;
  report: ParsedReport;
}

/** The plausible range of a body temperature, bounds included (SPEC §3.1). */
export const MIN_CELSIUS = 35.0;
export const MAX_CELSIUS = 42.0;

const oneDecimal = (t: number) => Math.round(t * 10 + 1e-9) / 10;
const toCelsius = (f: number) => oneDecimal(((f - 32) * 5) / 9);
const unique = <T>(items: T[]) => [...new Set(items)];
const startsWithAny = (text: string, words: string[]) => words.find((w) => text.toLowerCase().startsWith(w));

/** Reads one number as °C, or says why it cannot be a body temperature. */
function readTemperature(n: Extract<Token, { type: 'number' }>, fahrenheit: boolean): number | ReportProblem {
  const { value } = n;
  if (fahrenheit) return { kind: 'fahrenheit', value, celsius: toCelsius(value) };
  const celsius = oneDecimal(value);
  if (celsius >= MIN_CELSIUS && celsius <= MAX_CELSIUS) return celsius;
  if (n.integer && value >= 350 && value <= 420) return { kind: 'decimal-missing', value, suggestion: value / 10 };
  if (value >= 95 && value <= 108) return { kind: 'fahrenheit', value, celsius: toCelsius(value) };
  return { kind: 'out-of-range', value };
}

/**
 * Parses a temperature report from normalised text (SPEC §3.1), e.g.
 * `离岗 36.5 绿码 无症状` or `体温36.8黄码咽痛`. Decisions on loose input:
 * - the value is read to one decimal before the range check (36.55 → 36.6,
 *   42.04 → 42.0); 35.0 and 42.0 are accepted; `36` is 36.0, `36度5` 36.5;
 * - an integer 350–420 asks whether the decimal point is missing; 95–108, or
 *   any value with °F / 华氏, is taken for Fahrenheit;
 * - the same value twice (`36.5 36.5℃`) is one value; two values are refused;
 * - 更正 anywhere marks a correction;
 * - "no symptoms" together with a symptom (`无症状 咳嗽`, `无 咳嗽`) records the
 *   symptom: the safer reading, and 更正 fixes it; a glued negation
 *   (`无咳嗽`, `不发烧`) declares that symptom absent;
 * - problems are reported in this order: the temperature (missing, several,
 *   implausible), unknown words, conflicting slots, conflicting codes.
 */
export function parseReport(text: string): ParsedReport | ReportProblem {
  const tokens = tokenize(text);
  const numbers = tokens.flatMap((t) => (t.type === 'number' ? [t] : []));
  const values = unique(numbers.map((n) => n.value));
  if (values.length > 1) return { kind: 'several-temperatures', values };
  if (values.length === 0) return { kind: 'missing-temperature' };
  const fahrenheit = tokens.some((t) => t.type === 'fahrenheit' || (t.type === 'number' && t.fahrenheit));
  const temperature = readTemperature(numbers[0], fahrenheit);
  if (typeof temperature !== 'number') return temperature;

  const words = unique(tokens.flatMap((t) => (t.type === 'unknown' ? [t.word] : [])));
  if (words.length) return { kind: 'unknown-words', words };
  const slots = unique(tokens.flatMap((t) => (t.type === 'slot' ? [t.slot] : [])));
  if (slots.length > 1) return { kind: 'conflicting-slots', slots };
  const codes = unique(tokens.flatMap((t) => (t.type === 'code' ? [t.code] : [])));
  if (codes.length > 1) return { kind: 'conflicting-codes', codes };

  const present = unique(tokens.flatMap((t) => (t.type === 'symptom' && !t.negated ? [t.symptom] : [])));
  const declaredNone = tokens.some((t) => t.type === 'none' || (t.type === 'symptom' && t.negated));
  return {
    kind: 'report',
    slot: slots[0],
    temperature,
    healthCode: codes[0],
    symptoms: present.length ? present : declaredNone ? [] : null,
    correction: tokens.some((t) => t.type === 'correction'),
  };
}

const hanWords = (words: string[]) => words.filter((w) => /^\p{Script=Han}/u.test(w));

/** Where a name glued to the report ends: a space, colon or digit, or a Chinese report keyword. */
const NAME_END = new RegExp(
  ['[ :\\d]', ...hanWords([...Object.keys(SLOT_WORDS), ...Object.keys(CODE_WORDS), ...TEMPERATURE_WORDS, ...CORRECTION_WORDS, '健康码'])].join('|'),
  'u',
);

/**
 * Parses `代报 张三 36.5 绿码` (SPEC §3.2) from normalised text: the name is what
 * follows 代报 (a colon after 代报 is allowed) up to the first space, colon or
 * digit, or a Chinese report keyword, so it may be glued: `代报张三36.5`,
 * `代报张三晨检36.5`. Any such word is accepted as a name; the directory decides.
 * The rest is read by {@link parseReport}, whose problems are passed on.
 */
export function parseBehalf(text: string): ParsedBehalf | ReportProblem | { kind: 'missing-name' } {
  const trimmed = text.trim();
  const keyword = startsWithAny(trimmed, BEHALF_WORDS) ?? '';
  const rest = trimmed.slice(keyword.length).replace(/^[ :]+/, '');
  const end = rest.search(NAME_END);
  const name = end === -1 ? rest : rest.slice(0, end);
  if (!name) return { kind: 'missing-name' };
  const report = parseReport(rest.slice(name.length));
  return report.kind === 'report' ? { kind: 'behalf', name, report } : report;
}

/**
 * Whether text that starts with no command keyword is meant as a report: it has
 * a digit, or opens with a slot, a health code, a temperature word or 更正.
 */
export function looksLikeReport(text: string): boolean {
  if (/\d/.test(text)) return true;
  const first = tokenize(text.trim())[0];
  return first !== undefined && ['slot', 'code', 'keyword', 'correction'].includes(first.type);
}

/**
 * The slot by local time when the report names none (SPEC §3.1): before 11:00
 * 晨检; 11:00 up to and including 15:00 午检; from 15:01 离岗. The SPEC's
 * "11:00–15:00 午检, after 15:00 离岗" is read by the minute, so 15:00 is 午检.
 */
export function slotAt(hour: number, minute: number): Slot {
  const minutes = hour * 60 + minute;
  if (minutes < 11 * 60) return 'morning';
  if (minutes <= 15 * 60) return 'midday';
  return 'leave';
}

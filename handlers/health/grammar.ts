import type { DailySlot, HealthCode, Slot } from '../../entities';
import { DECIMAL_COMMA_MARK } from '../../bot/normalise';
import { addDays } from '../../bot/time';
import { negatedSymptoms } from './negation';
import type { NumberPiece } from './numbers';
import { tokenize, type Token } from './tokenize';
import { BEHALF_WORDS, CODE_COLOURS, CODE_NAMES, CORRECTION_WORDS, SLOT_WORDS, TEMPERATURE_WORDS } from './vocabulary';

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
  /** Words and stray numbers the reading did not use, in order, once each: the reply names them. */
  unused: string[];
  /** How the value was written when not as a plain number (`三十六度五`, `36..5`): the reply echoes it. */
  written?: string;
}

/** Why a text is not an acceptable report; the reply names the problem, says how to resend, and nothing is stored. */
export type ReportProblem =
  | { kind: 'missing-temperature' }
  | { kind: 'decimal-missing'; value: number; suggestion: number }
  | { kind: 'fahrenheit'; value: number; celsius: number }
  | { kind: 'out-of-range'; value: number }
  | { kind: 'several-temperatures'; values: number[] }
  | { kind: 'other-date'; date: string }
  | { kind: 'conflicting-codes'; codes: HealthCode[] }
  | { kind: 'conflicting-slots'; slots: Slot[] };

/** `代报 张三 36.5` read: whom it is for, and the report. */
export interface ParsedBehalf {
  kind: 'behalf';
  name: string;
  report: ParsedReport;
}

/** The plausible range of a body temperature, bounds included (SPEC §3.1). */
export const MIN_CELSIUS = 35.0;
export const MAX_CELSIUS = 42.0;

type NumberToken = Extract<NumberPiece, { type: 'number' }>;

const oneDecimal = (t: number) => Math.round(t * 10 + 1e-9) / 10;
const toCelsius = (f: number) => oneDecimal(((f - 32) * 5) / 9);
const unique = <T>(items: T[]) => [...new Set(items)];
const startsWithAny = (text: string, words: string[]) => words.find((w) => text.toLowerCase().startsWith(w));
const PLAIN = /^\d+(?:\.\d+)?\s?(?:°\s?c|°|度|摄氏度|c)?$/i;

/** Whether a number could be meant as a temperature, even a mistyped one (365, 98.6, 34.9): two of those are ambiguous. */
function temperatureLike(n: NumberToken): boolean {
  const v = n.value;
  return n.fahrenheit || /[°度c]/i.test(n.written) || (v >= 30 && v <= 45) || (n.integer && v >= 300 && v <= 450) || (v >= 86 && v <= 113);
}

/** Reads one number as °C, or says why it cannot be a body temperature. */
function readTemperature(n: NumberToken, fahrenheit: boolean): number | ReportProblem {
  const { value } = n;
  if (fahrenheit) return { kind: 'fahrenheit', value, celsius: toCelsius(value) };
  const celsius = oneDecimal(value);
  if (celsius >= MIN_CELSIUS && celsius <= MAX_CELSIUS) return celsius;
  if (n.integer && value >= 350 && value <= 420) return { kind: 'decimal-missing', value, suggestion: value / 10 };
  if (value >= 95 && value <= 108) return { kind: 'fahrenheit', value, celsius: toCelsius(value) };
  return { kind: 'out-of-range', value };
}

/** The one reading of the text and the numbers it leaves aside, or why there is none. */
function pickReading(tokens: Token[]): { reading: NumberToken; strays: NumberToken[] } | ReportProblem {
  const numbers = tokens.flatMap((t) => (t.type === 'number' ? [t] : []));
  const likely = numbers.filter(temperatureLike);
  const values = unique(likely.map((n) => n.value));
  if (values.length > 1) return { kind: 'several-temperatures', values };
  if (values.length === 0 && numbers.length !== 1) return numbers.length ? { kind: 'several-temperatures', values: unique(numbers.map((n) => n.value)) } : { kind: 'missing-temperature' };
  const reading = likely[0] ?? numbers[0];
  return { reading, strays: numbers.filter((n) => n.value !== reading.value) };
}

/** The first date the text names other than today (昨天, 12月1日), as YYYY-MM-DD; 昨天 is context when 今天 is said too. */
function otherDate(tokens: Token[], today: string): string | undefined {
  const saysToday = tokens.some((t) => t.type === 'today');
  for (const t of tokens) {
    if (t.type === 'other-day' && !saysToday) return addDays(today, t.offset);
    if (t.type !== 'date') continue;
    const year = t.year ?? Number(today.slice(0, 4));
    const month = t.month || Number(today.slice(5, 7));
    const date = `${year}-${String(month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
    if (date !== today) return date;
  }
  return undefined;
}

/**
 * Parses a temperature report from normalised text (SPEC §3.1), e.g.
 * `离岗 36.5 绿码 无症状`, `体温36.8黄码咽痛` or the office template
 * `晨检：体温36.4℃，健康码绿码，无发热、咳嗽、乏力等症状`. Decisions on loose input:
 * - one plausible temperature with any other words is a report: the words and
 *   numbers it did not use are returned in `unused` for the reply to name, so a
 *   fever, a code or a symptom is never lost for an unknown word;
 * - clock times (`7:45`, `7点45`), dates (`12月2日`, `12/2`), counts (`第2次`,
 *   `1号窗口`), long digit runs and markup are no temperatures; a number far
 *   from any temperature (`2`) is set aside when another one is plausible;
 * - the value is read to one decimal before the range check (36.55 → 36.6);
 *   35.0 and 42.0 are accepted; `36度5`, `36点5`, `三十六度五`, `36..5`, `36. 5`
 *   are 36.5, and `written` keeps how it was typed;
 * - an integer 350–420 asks whether the decimal point is missing; 95–108, or
 *   any value with °F / 华氏, is taken for Fahrenheit;
 * - the same value twice is one value; two temperature-like values, two codes,
 *   two slots, or a date other than `today` (when given) are refused;
 * - 更正 anywhere marks a correction;
 * - negations are read by {@link negatedSymptoms}; a symptom merely next to
 *   "no symptoms" is recorded, the safer reading.
 */
export function parseReport(text: string, options: { today?: string } = {}): ParsedReport | ReportProblem {
  const tokens = tokenize(text);
  const picked = pickReading(tokens);
  if ('kind' in picked) return picked;
  const { reading, strays } = picked;
  const fahrenheit = tokens.some((t) => t.type === 'fahrenheit' || (t.type === 'number' && t.fahrenheit));
  const temperature = readTemperature(reading, fahrenheit);
  if (typeof temperature !== 'number') return temperature;

  const date = options.today ? otherDate(tokens, options.today) : undefined;
  if (date) return { kind: 'other-date', date };
  const slots = unique(tokens.flatMap((t) => (t.type === 'slot' ? [t.slot] : [])));
  if (slots.length > 1) return { kind: 'conflicting-slots', slots };
  const signs = readSigns(tokens, strays);
  if ('kind' in signs) return signs;
  return {
    kind: 'report',
    slot: slots[0],
    temperature,
    ...signs,
    correction: tokens.some((t) => t.type === 'correction'),
    ...(PLAIN.test(reading.written) ? {} : { written: reading.written.replace(DECIMAL_COMMA_MARK, ',') }),
  };
}

/** What a check at the door reads beside the visitor's particulars: the reading is optional there. */
export interface ParsedSigns {
  temperature?: number;
  healthCode?: HealthCode;
  symptoms: string[] | null;
  unused: string[];
}

/** The health code, symptoms (negations read) and unused words of a tokenized text; two codes are refused. */
function readSigns(tokens: Token[], strays: NumberToken[]): Pick<ParsedReport, 'healthCode' | 'symptoms' | 'unused'> | ReportProblem {
  const codes = unique(tokens.flatMap((t) => (t.type === 'code' ? [t.code] : [])));
  if (codes.length > 1) return { kind: 'conflicting-codes', codes };
  const negated = negatedSymptoms(tokens);
  const present = unique(tokens.flatMap((t, i) => (t.type === 'symptom' && !negated.has(i) ? [t.symptom] : [])));
  const declaredNone = negated.size > 0 || tokens.some((t) => t.type === 'none');
  return {
    healthCode: codes[0],
    symptoms: present.length ? present : declaredNone ? [] : null,
    unused: unique([...tokens.flatMap((t) => (t.type === 'unknown' ? [t.word] : [])), ...strays.map((n) => n.written)]),
  };
}

/**
 * Reads a check at the door (SPEC §12) with the report's rules: a temperature
 * when there is a number (an implausible one refused as in a report), the
 * health code and the symptoms; without any number there is no reading.
 */
export function parseSigns(text: string): ParsedSigns | ReportProblem {
  const tokens = tokenize(text);
  if (!tokens.some((t) => t.type === 'number')) return readSigns(tokens, []);
  const picked = pickReading(tokens);
  if ('kind' in picked) return picked;
  const fahrenheit = tokens.some((t) => t.type === 'fahrenheit' || (t.type === 'number' && t.fahrenheit));
  const temperature = readTemperature(picked.reading, fahrenheit);
  if (typeof temperature !== 'number') return temperature;
  const signs = readSigns(tokens, picked.strays);
  return 'kind' in signs ? signs : { temperature, ...signs };
}

const hanWords = (words: string[]) => words.filter((w) => /^\p{Script=Han}/u.test(w));

/** Where a name glued to the report ends: a space, colon or digit, or a Chinese report keyword. */
const NAME_END = new RegExp(
  ['[ :\\d]', ...hanWords([...Object.keys(SLOT_WORDS), ...Object.keys(CODE_COLOURS), ...CODE_NAMES, ...TEMPERATURE_WORDS, ...CORRECTION_WORDS])].join('|'),
  'u',
);

/**
 * Parses `代报 张三 36.5 绿码` (SPEC §3.2) from normalised text: the name is what
 * follows 代报 (a colon after 代报 is allowed) up to the first space, colon or
 * digit, or a Chinese report keyword, so it may be glued: `代报张三36.5`,
 * `代报张三晨检36.5`. Any such word is accepted as a name; the directory decides.
 * The rest is read by {@link parseReport}, whose problems are passed on.
 */
export function parseBehalf(text: string, options: { today?: string } = {}): ParsedBehalf | ReportProblem | { kind: 'missing-name' } {
  const trimmed = text.trim();
  const keyword = startsWithAny(trimmed, BEHALF_WORDS) ?? '';
  const rest = trimmed.slice(keyword.length).replace(/^[ :]+/, '');
  const end = rest.search(NAME_END);
  const name = end === -1 ? rest : rest.slice(0, end);
  if (!name) return { kind: 'missing-name' };
  const report = parseReport(rest.slice(name.length), options);
  return report.kind === 'report' ? { kind: 'behalf', name, report } : report;
}

const OPENS_REPORT = new Set(['slot', 'code', 'keyword', 'correction', 'number']);
const AROUND = new Set(['gap', 'punct', 'filler']);

/**
 * Whether text that starts with no command keyword is meant as a report: it has
 * a digit, or its first word (after greetings and punctuation) is a slot, a
 * health code, a temperature word, 更正 or a number said in words.
 */
export function looksLikeReport(text: string): boolean {
  if (/\d/.test(text)) return true;
  const first = tokenize(text.trim()).find((t) => !AROUND.has(t.type));
  return first !== undefined && OPENS_REPORT.has(first.type);
}

/**
 * The slot by local time when the report names none (SPEC §3.1): before 11:00
 * 晨检; 11:00 up to and including 15:00 午检; from 15:01 离岗. The SPEC's
 * "11:00–15:00 午检, after 15:00 离岗" is read by the minute, so 15:00 is 午检.
 */
export function slotAt(hour: number, minute: number): DailySlot {
  const minutes = hour * 60 + minute;
  if (minutes < 11 * 60) return 'morning';
  if (minutes <= 15 * 60) return 'midday';
  return 'leave';
}

import type { HealthCode, Slot } from '../../entities';
import {
  BEHALF_WORDS,
  CODE_WORDS,
  CORRECTION_WORDS,
  FAHRENHEIT_WORDS,
  FILLER_WORDS,
  NEGATIONS,
  NONE_WORDS,
  SLOT_WORDS,
  SYMPTOM_WORDS,
  TEMPERATURE_WORDS,
} from './vocabulary';

/** A temperature report the grammar accepted (SPEC §3.1). */
export interface ParsedReport {
  kind: 'report';
  slot?: Slot;
  /** °C, rounded to one decimal. */
  temperature: number;
  healthCode?: HealthCode;
  /** null: not mentioned; []: declared none (无 / 无症状). */
  symptoms: string[] | null;
  /** The text began with 更正. */
  correction: boolean;
}

/** Why a text is not an acceptable report; the reply names the problem and stores nothing. */
export type ReportProblem =
  | { kind: 'missing-temperature' }
  | { kind: 'decimal-missing'; value: number; suggestion: number }
  | { kind: 'fahrenheit'; value: number; celsius: number }
  | { kind: 'out-of-range'; value: number }
  | { kind: 'several-temperatures'; values: number[] }
  | { kind: 'conflicting-codes'; codes: HealthCode[] }
  | { kind: 'conflicting-slots'; slots: Slot[] }
  | { kind: 'unknown-words'; words: string[] };

export const MIN_CELSIUS = 35.0;
export const MAX_CELSIUS = 42.0;

type Token =
  | { type: 'number'; raw: string; fahrenheit: boolean }
  | { type: 'slot'; slot: Slot }
  | { type: 'code'; code: HealthCode }
  | { type: 'symptom'; symptom: string; negated: boolean }
  | { type: 'none' }
  | { type: 'fahrenheit' }
  | { type: 'ignore' }
  | { type: 'unknown'; word: string };

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

const NUMBER = String.raw`(\d+(?:\.\d+)?)\s*(°\s*[cf]|摄氏度|度|°|[cf](?![a-z]))?`;
const SYMPTOM = `(?:(${longestFirst(NEGATIONS)})\\s*)?(${longestFirst(Object.keys(SYMPTOM_WORDS))})`;
const TOKEN = new RegExp(
  [
    NUMBER,
    SYMPTOM,
    `(${longestFirst(NONE_WORDS)})`,
    `(${longestFirst(Object.keys(SLOT_WORDS))})`,
    `(${longestFirst(Object.keys(CODE_WORDS)).replace(/健康码/g, String.raw`健康码\s*:?\s*`)})`,
    `(${longestFirst(FAHRENHEIT_WORDS)})`,
    `(${longestFirst([...TEMPERATURE_WORDS, ...FILLER_WORDS])})`,
    String.raw`(\s+)`,
  ].join('|'),
  'y',
);

/** Splits normalised text into known tokens; whatever lies between them is an unknown word. */
function tokenize(text: string): Token[] {
  const lower = text.toLowerCase();
  const tokens: Token[] = [];
  let unknown = '';
  const flush = () => {
    if (unknown.trim()) tokens.push({ type: 'unknown', word: unknown.trim() });
    unknown = '';
  };
  for (let i = 0; i < lower.length; ) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(lower);
    if (!m) {
      unknown += text[i];
      i += 1;
      continue;
    }
    flush();
    const [, num, unit, negation, symptom, none, slot, code, fahrenheit] = m;
    if (num) tokens.push({ type: 'number', raw: num, fahrenheit: /f/.test(unit ?? '') });
    else if (symptom) tokens.push({ type: 'symptom', symptom: SYMPTOM_WORDS[symptom], negated: Boolean(negation) });
    else if (none) tokens.push({ type: 'none' });
    else if (slot) tokens.push({ type: 'slot', slot: SLOT_WORDS[slot] });
    else if (code) tokens.push({ type: 'code', code: CODE_WORDS[code.replace(/[\s:]/g, '')] });
    else if (fahrenheit) tokens.push({ type: 'fahrenheit' });
    else tokens.push({ type: 'ignore' });
    i += m[0].length;
  }
  flush();
  return tokens;
}

/** Reads one number as °C, or says why it cannot be a body temperature. */
function readTemperature(raw: string, fahrenheit: boolean): number | ReportProblem {
  const value = Number(raw);
  const toCelsius = (f: number) => Math.round(((f - 32) * 5) / 9 * 10) / 10;
  if (fahrenheit) return { kind: 'fahrenheit', value, celsius: toCelsius(value) };
  if (value >= MIN_CELSIUS && value <= MAX_CELSIUS) return Math.round(value * 10 + 1e-9) / 10;
  if (!raw.includes('.') && value >= 350 && value <= 420) return { kind: 'decimal-missing', value, suggestion: value / 10 };
  if (value >= 95 && value <= 108) return { kind: 'fahrenheit', value, celsius: toCelsius(value) };
  return { kind: 'out-of-range', value };
}

const unique = <T>(items: T[]) => [...new Set(items)];

/**
 * Parses a temperature report from normalised text. Keywords may be glued to
 * numbers and to each other (`体温36.8黄码咽痛`). A value with more than one
 * decimal is rounded to one (36.55 → 36.6). When "no symptoms" and a symptom
 * are both given, the symptom wins: it is the safer reading.
 */
export function parseReport(text: string): ParsedReport | ReportProblem {
  let rest = text.trim();
  const correctionWord = CORRECTION_WORDS.find((w) => rest.toLowerCase().startsWith(w));
  if (correctionWord) rest = rest.slice(correctionWord.length);
  const tokens = tokenize(rest);

  const forcedFahrenheit = tokens.some((t) => t.type === 'fahrenheit');
  const numbers = tokens.flatMap((t) => (t.type === 'number' ? [t] : []));
  const temperatures = numbers.map((n) => readTemperature(n.raw, n.fahrenheit || forcedFahrenheit));
  if (numbers.length > 1) return { kind: 'several-temperatures', values: numbers.map((n) => Number(n.raw)) };
  if (numbers.length === 0) return { kind: 'missing-temperature' };
  const temperature = temperatures[0];
  if (typeof temperature !== 'number') return temperature;

  const unknown = unique(tokens.flatMap((t) => (t.type === 'unknown' ? [t.word] : [])));
  if (unknown.length) return { kind: 'unknown-words', words: unknown };
  const slots = unique(tokens.flatMap((t) => (t.type === 'slot' ? [t.slot] : [])));
  if (slots.length > 1) return { kind: 'conflicting-slots', slots };
  const codes = unique(tokens.flatMap((t) => (t.type === 'code' ? [t.code] : [])));
  if (codes.length > 1) return { kind: 'conflicting-codes', codes };

  const present = unique(tokens.flatMap((t) => (t.type === 'symptom' && !t.negated ? [t.symptom] : [])));
  const saidNone = tokens.some((t) => t.type === 'none' || (t.type === 'symptom' && t.negated));
  return {
    kind: 'report',
    slot: slots[0],
    temperature,
    healthCode: codes[0],
    symptoms: present.length ? present : saidNone ? [] : null,
    correction: Boolean(correctionWord),
  };
}

/**
 * Parses `代报 张三 36.5 绿码` (SPEC §3.2): the name is what follows 代报 up to
 * the first space, digit or report keyword; the rest is a report.
 */
export function parseBehalf(text: string): { kind: 'behalf'; name: string; report: ParsedReport } | ReportProblem | { kind: 'missing-name' } {
  let rest = text.trim();
  const keyword = BEHALF_WORDS.find((w) => rest.toLowerCase().startsWith(w));
  if (keyword) rest = rest.slice(keyword.length).trim();
  const stop = new RegExp(`\\s|\\d|${longestFirst([...Object.keys(SLOT_WORDS).filter((w) => /^\p{Script=Han}/u.test(w)), ...TEMPERATURE_WORDS.slice(0, 3)])}`, 'u');
  const at = rest.search(stop);
  const name = (at === -1 ? rest : rest.slice(0, at)).trim();
  if (!name) return { kind: 'missing-name' };
  const report = parseReport(rest.slice(name.length));
  return report.kind === 'report' ? { kind: 'behalf', name, report } : report;
}

/** Whether text without a command keyword is meant as a report: it has a number, or opens with a report word. */
export function looksLikeReport(text: string): boolean {
  if (/\d/.test(text)) return true;
  const first = tokenize(text.trim())[0];
  return first !== undefined && (first.type === 'slot' || first.type === 'code' || first.type === 'ignore');
}

/** The slot by local time: before 11:00 晨检, 11:00–15:00 (inclusive) 午检, after 15:00 离岗. */
export function slotAt(hour: number, minute: number): Slot {
  const minutes = hour * 60 + minute;
  if (minutes < 11 * 60) return 'morning';
  if (minutes <= 15 * 60) return 'midday';
  return 'leave';
}

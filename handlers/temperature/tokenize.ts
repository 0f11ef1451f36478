import type { HealthCode, Slot } from '../../entities';
import {
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

/** One recognised piece of a report; whatever lies between recognised pieces is an unknown word. */
export type Token =
  | { type: 'number'; value: number; integer: boolean; fahrenheit: boolean }
  | { type: 'slot'; slot: Slot }
  | { type: 'code'; code: HealthCode }
  | { type: 'symptom'; symptom: string; negated: boolean }
  | { type: 'none' }
  | { type: 'fahrenheit' }
  | { type: 'correction' }
  | { type: 'keyword' }
  | { type: 'filler' }
  | { type: 'unknown'; word: string };

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/**
 * A number with its unit. `36度5` and `36点5` are how 36.5 is said aloud, so
 * they are read as such; a lone `c`/`f` is a unit only when no letter follows
 * (`36.5c`, not the c of `36.5cough`).
 */
const NUMBER = String.raw`(\d+度\d(?!\d)|\d+(?:[.点]\d+)?)\s*(°\s*[cf]|摄氏度|度|°|[cf](?![a-z]))?`;

/** JS alternation takes the first branch that matches, so the order below is the precedence. */
const TOKEN = new RegExp(
  [
    NUMBER,
    `(${longestFirst(NEGATIONS)})?(${longestFirst(Object.keys(SYMPTOM_WORDS))})`,
    `(${longestFirst(NONE_WORDS)})`,
    `(${longestFirst(Object.keys(SLOT_WORDS))})`,
    `(${longestFirst(Object.keys(CODE_WORDS)).replace(/健康码/g, String.raw`健康码 ?:? ?`)})`,
    `(${longestFirst(FAHRENHEIT_WORDS)})`,
    `(${longestFirst(CORRECTION_WORDS)})`,
    `(${longestFirst(TEMPERATURE_WORDS)})`,
    `(${longestFirst(FILLER_WORDS)})`,
    '( +)',
  ].join('|'),
  'iy',
);

function toToken(m: RegExpExecArray): Token | null {
  const [, num, unit, negation, symptom, none, slot, code, fahrenheit, correction, keyword, filler] = m.map((g) => g?.toLowerCase());
  if (num) return { type: 'number', value: Number(num.replace(/[度点]/, '.')), integer: /^\d+$/.test(num), fahrenheit: /f/.test(unit ?? '') };
  if (symptom) return { type: 'symptom', symptom: SYMPTOM_WORDS[symptom], negated: Boolean(negation) };
  if (none) return { type: 'none' };
  if (slot) return { type: 'slot', slot: SLOT_WORDS[slot] };
  if (code) return { type: 'code', code: CODE_WORDS[code.replace(/[ :]/g, '')] };
  if (fahrenheit) return { type: 'fahrenheit' };
  if (correction) return { type: 'correction' };
  if (keyword) return { type: 'keyword' };
  if (filler) return { type: 'filler' };
  return null;
}

/**
 * Splits normalised text into tokens. Keywords may be glued to numbers and to
 * each other (`体温36.8黄码咽痛`); a negation counts only when glued to its
 * symptom (`无咳嗽`), since a space is a separator (`无 咳嗽` = `无，咳嗽`).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let unknown = '';
  const flush = () => {
    if (unknown) tokens.push({ type: 'unknown', word: unknown });
    unknown = '';
  };
  for (let i = 0; i < text.length; ) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m) {
      unknown += text[i];
      i += 1;
      continue;
    }
    flush();
    const token = toToken(m);
    if (token) tokens.push(token);
    i += m[0].length;
  }
  flush();
  return tokens;
}

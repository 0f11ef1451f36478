import type { HealthCode, Slot } from '../../entities';
import { HARMLESS_WORDS } from './harmless';
import {
  BARE_COLOURS,
  CODE_COLOURS,
  CODE_LINKS,
  CODE_NAMES,
  CODE_PHRASES,
  CONNECTORS,
  CORRECTION_WORDS,
  FAHRENHEIT_WORDS,
  LIST_ENDS,
  LONE_GREEN,
  NEGATIONS,
  NONE_WORDS,
  OTHER_DAYS,
  SLOT_WORDS,
  SYMPTOM_WORDS,
  TEMPERATURE_WORDS,
  TODAY_WORDS,
} from './vocabulary';

/** What a word of the vocabulary means in a report. */
export type Word =
  | { type: 'slot'; slot: Slot }
  | { type: 'code'; code: HealthCode }
  | { type: 'symptom'; symptom: string; negated: boolean }
  | { type: 'none' }
  | { type: 'list-end' }
  | { type: 'connector' }
  | { type: 'fahrenheit' }
  | { type: 'correction' }
  | { type: 'keyword' }
  | { type: 'other-day'; offset: number }
  | { type: 'today' }
  | { type: 'filler' };

const LEXICON = new Map<string, Word>();
const put = (words: Iterable<string>, word: Word | ((w: string) => Word)) => {
  for (const w of words) LEXICON.set(w.toLowerCase(), typeof word === 'function' ? word(w) : word);
};
// Later entries win on the same spelling, so the meaningful kinds come last.
put(HARMLESS_WORDS, { type: 'filler' });
put(CONNECTORS, { type: 'connector' });
put(LIST_ENDS, { type: 'list-end' });
put(TEMPERATURE_WORDS, { type: 'keyword' });
put(NONE_WORDS, { type: 'none' });
put(FAHRENHEIT_WORDS, { type: 'fahrenheit' });
put(CORRECTION_WORDS, { type: 'correction' });
put(Object.keys(OTHER_DAYS), (w) => ({ type: 'other-day', offset: OTHER_DAYS[w] }));
put(TODAY_WORDS, { type: 'today' });
put(Object.keys(SLOT_WORDS), (w) => ({ type: 'slot', slot: SLOT_WORDS[w] }));
put(Object.keys(SYMPTOM_WORDS), (w) => ({ type: 'symptom', symptom: SYMPTOM_WORDS[w], negated: false }));
const COLOURS = Object.entries({ ...CODE_COLOURS, ...BARE_COLOURS });
const LINKS = CODE_LINKS.flatMap((l) => (l ? [l, `${l}:`] : [l]));
for (const name of CODE_NAMES) {
  for (const link of LINKS) for (const [colour, code] of COLOURS) LEXICON.set(`${name}${link}${colour}`.toLowerCase(), { type: 'code', code });
}
put(Object.keys(CODE_COLOURS), (w) => ({ type: 'code', code: CODE_COLOURS[w] }));
put([LONE_GREEN], { type: 'code', code: 'green' });
put(Object.keys(CODE_PHRASES), (w) => ({ type: 'code', code: CODE_PHRASES[w] }));
const PHRASES = Object.entries(SYMPTOM_WORDS);
for (const negation of NEGATIONS) {
  for (const [phrase, symptom] of PHRASES) LEXICON.set(`${negation}${phrase}`.toLowerCase(), { type: 'symptom', symptom, negated: true });
}

/** The lengths of the words starting with each character, longest first: most characters start none, and are passed at once. */
const LENGTHS = new Map<string, number[]>();
const lengthSets = new Map<string, Set<number>>();
for (const w of LEXICON.keys()) lengthSets.set(w[0], (lengthSets.get(w[0]) ?? new Set<number>()).add(w.length));
for (const [first, lengths] of lengthSets) LENGTHS.set(first, [...lengths].sort((a, b) => b - a));
const LETTERS = /[a-z]+(?: [a-z]+)?/iy;

/**
 * The longest vocabulary word at `at`, or null. A Latin word is taken whole
 * (the `no` of `note` is no word); two Latin words may form one (`sore throat`).
 */
export function wordAt(text: string, at: number): { word: Word | null; length: number } | null {
  LETTERS.lastIndex = at;
  const latin = LETTERS.exec(text);
  if (latin) {
    const [first] = latin[0].split(' ');
    const two = LEXICON.get(latin[0].toLowerCase());
    if (two) return { word: two, length: latin[0].length };
    return { word: LEXICON.get(first.toLowerCase()) ?? null, length: first.length };
  }
  for (const length of LENGTHS.get(text[at].toLowerCase()) ?? []) {
    const word = LEXICON.get(text.slice(at, at + length).toLowerCase());
    if (word) return { word, length };
  }
  return null;
}

/** Code names followed by spaces or a colon before the colour (`健康码 ： 绿`) are read as one word. */
export const CODE_NAME_GAP = new RegExp(`(${CODE_NAMES.filter((n) => n !== '码').join('|')})\\s*([:=(])?\\s*`, 'g');

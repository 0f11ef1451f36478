import { MASKED_NUMBER } from '../../bot/privacy/numbers';
import { CODE_NAME_GAP, wordAt, type Word } from './lexicon';
import { numberAt, type NumberPiece } from './numbers';

/** One recognised piece of a report; whatever lies between recognised pieces is an unknown word. */
export type Token = Word | NumberPiece | { type: 'gap' } | { type: 'punct' };

/** Markup and links: numbers inside them are no temperatures (`<img src=x onerror=alert(1)>`). */
const MARKUP = /<\/?[a-z!][^<>]*>?|&#?\w{1,8};|(?:https?:\/\/|www\.)\S+/iy;
const GAP = /\s+/y;
/** A phone or ID number, masked as commands see it: one unknown word, never digits to read. */
const MASKED = new RegExp(MASKED_NUMBER.source, 'y');
/** Punctuation, symbols, emoji and their modifiers: harmless around a report. */
const PUNCT = /[\p{P}\p{S}\p{Extended_Pictographic}\p{M}\u200d\u{1F3FB}-\u{1F3FF}]+/uy;

function sticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.exec(text)?.[0].length ?? 0;
}

/** The recognised piece at `at` and its length; null when the character there is part of an unknown word. */
function pieceAt(text: string, at: number): { token: Token; length: number } | null {
  for (const [re, token] of [
    [GAP, { type: 'gap' }],
    [MARKUP, { type: 'punct' }],
  ] as const) {
    const length = sticky(re, text, at);
    if (length) return { token, length };
  }
  const masked = sticky(MASKED, text, at);
  if (masked) return { token: { type: 'unknown', word: text.slice(at, at + masked) }, length: masked };
  const number = numberAt(text, at);
  if (number) return { token: number.piece, length: number.length };
  // A Latin word not in the vocabulary is one unknown word, not letters.
  const word = wordAt(text, at);
  if (word) return { token: word.word ?? { type: 'unknown', word: text.slice(at, at + word.length) }, length: word.length };
  const punct = sticky(PUNCT, text, at);
  return punct ? { token: { type: 'punct' }, length: punct } : null;
}

/**
 * Splits normalised text into tokens. Words may be glued to numbers and to
 * each other (`体温36.8黄码咽痛`); at each place the longest reading wins. A
 * negation counts only when glued to its symptom (`无咳嗽`), since a space is
 * a separator (`无 咳嗽` = `无，咳嗽`).
 */
export function tokenize(input: string): Token[] {
  const text = input.replace(CODE_NAME_GAP, '$1$2');
  const tokens: Token[] = [];
  let unknown = '';
  for (let i = 0; i < text.length; ) {
    const piece = pieceAt(text, i);
    if (!piece) {
      unknown += text[i];
      i += 1;
      continue;
    }
    if (unknown) tokens.push({ type: 'unknown', word: unknown });
    unknown = '';
    tokens.push(piece.token);
    i += piece.length;
  }
  if (unknown) tokens.push({ type: 'unknown', word: unknown });
  return tokens;
}

import { INVISIBLE } from '../normalise';

/**
 * The one reading of a person's numbers (SPEC §12): mainland mobile numbers
 * and resident ID numbers, as the door grammar reads them and as every copy
 * is masked. The patterns run on normalised text (NFKC, no invisible
 * characters): the text the grammar reads, or the text as typed seen
 * through the same normalisation ({@link maskPersonalNumbers}).
 */

/**
 * What may sit between a number's digits: spaces, dashes, the separators the
 * normaliser reads alike (`,、;。`, SPEC §3), a point (a `。` between digits
 * becomes one) and the decimal-comma mark (U+201A).
 */
const SEP = String.raw`[\s\-.,、;。\u201a]`;
/** `+86`, `0086`, `86`, `(+86)`, `(86)`, `(0086)` before a mobile number. */
const COUNTRY = String.raw`(?:\(\s*(?:\+|00)?\s*86\s*\)|(?:\+|00)\s*86|86)`;
/** A mainland mobile number: 11 digits starting 1[3-9], separators anywhere between them, a country code before. */
const MOBILE = new RegExp(String.raw`(?<![\d.])(?:${COUNTRY}${SEP}*)?1${SEP}*[3-9](?:${SEP}*\d){9}(?![\d.])`, 'g');
/**
 * A resident ID number: 18 characters (the last a digit or X) or the old 15
 * digits, written whole or in the usual groups (6-8-4, 6-4-4-4; 6-6-3), any
 * separator between them.
 */
const GAP = `${SEP}{0,3}`;
const ID_NUMBER = new RegExp(String.raw`(?<![\d.])(?:\d{6}${GAP}\d{4}${GAP}\d{4}${GAP}\d{3}[\dXx]|\d{6}${GAP}\d{6}${GAP}\d{3})(?![\d.])`, 'g');
/** A run of seven or more digits, at most one space or dash apart, that is not a decimal: meant as a phone number. */
const LONG_RUN = /(?<![\d.])\+?\d(?:[ -]?\d){6,}(?![.\d])/g;
/** A stretch of digits and what may sit among a number's digits: the only places a number can be. */
const STRETCH = /[\d\s\-.,、;。\u201a()+]{11,}/g;

const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

/** A number as {@link maskPersonalNumbers} leaves it (`138****1111`, `110101********1234`): for a grammar to read as one word. */
export const MASKED_NUMBER = /\d{3}\*{4}\d{4}|\d{6}\*{5,8}\d{3}[\dX]/;

/** A number in a text: how it was written and where. */
export interface Written {
  written: string;
  index: number;
}

/** The mobile as 11 digits, or null when it is not a mainland mobile number. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, '').replace(/^(?:00)?86(?=\d{11}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** The mainland mobile numbers written in a normalised text. */
export function mobilesIn(text: string): Written[] {
  return [...text.matchAll(MOBILE)].map((m) => ({ written: m[0], index: m.index }));
}

/** The resident ID numbers written in a normalised text. */
export function idNumbersIn(text: string): Written[] {
  return [...text.matchAll(ID_NUMBER)].map((m) => ({ written: m[0], index: m.index }));
}

/** The digit counts of runs of digits long enough to be meant as a phone number. */
export function longDigitRuns(text: string): number[] {
  return [...text.matchAll(LONG_RUN)].map((m) => m[0].replace(/\D/g, '').length);
}

/** `13812341111` → `138****1111`: the form every message, push and page shows (SPEC §12). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}

/** `110101199003071234` → `110101********1234`; 15 digits → `110101*****1234`. */
export function maskIdNumber(written: string): string {
  const id = written.replace(/[^\dXx]/g, '').toUpperCase();
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** A stretch of the text as typed and what stands in its place. */
interface Span {
  start: number;
  end: number;
  masked: string;
}

/**
 * The text as the grammar sees its characters (NFKC, invisible characters
 * dropped), with where each character came from in the text as typed.
 */
function readable(text: string): { text: string; origin: number[] | null } {
  const plain = text.normalize('NFKC');
  if (plain === text && !HAS_INVISIBLE.test(text)) return { text, origin: null };
  let seen = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of text) {
    const read = ch.normalize('NFKC').replace(INVISIBLE, '');
    seen += read;
    for (let i = 0; i < read.length; i++) origin.push(at);
    at += ch.length;
  }
  return { text: seen, origin };
}

/** Whether a text has eleven digits (of any width) in one stretch of digits and separators: a number cannot be anywhere else. */
function mayHoldNumber(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length && digits < 11; i++) {
    const c = text.charCodeAt(i);
    // ASCII and full-width digits; a surrogate may be a mathematical digit.
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xd800 && c <= 0xdbff)) digits += 1;
  }
  if (digits < 11) return false;
  for (const stretch of text.normalize('NFKC').replace(INVISIBLE, '').matchAll(STRETCH)) {
    if ((stretch[0].match(/\d/g)?.length ?? 0) >= 11) return true;
  }
  return false;
}

/** The numbers of a normalised text, ID numbers first (they are the longer), none overlapping; a mobile equal to `keep` is left out. */
function numbersIn(text: string, keep?: string): Span[] {
  const spans: Span[] = idNumbersIn(text).map((w) => ({ start: w.index, end: w.index + w.written.length, masked: maskIdNumber(w.written) }));
  let rest = text;
  for (const s of spans) rest = rest.slice(0, s.start) + '*'.repeat(s.end - s.start) + rest.slice(s.end);
  for (const w of mobilesIn(rest)) {
    const phone = normalisePhone(w.written)!;
    if (phone !== keep) spans.push({ start: w.index, end: w.index + w.written.length, masked: maskPhone(phone) });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Every mobile and resident ID number in a text, masked (`138****1111`,
 * `110101********1234`), the rest left as typed. The numbers are found in the
 * text as the grammar reads it (NFKC, invisible characters dropped; every
 * separator the normaliser accepts may sit between the digits), so whatever
 * the door would read as a phone is masked here in any spelling: full-width,
 * with zero-width characters, `+86`, `(+86)` or `0086` before it.
 */
export function maskPersonalNumbers(text: string): string {
  return masked(text);
}

/**
 * The sample mobile number the bot's own examples print
 * (`登记 张三 13812345678 …`): shown in full, so that an example can be sent
 * back as it stands (every example the bot prints is one it accepts).
 */
export const SAMPLE_MOBILE = '13812345678';

/**
 * What the bot sends (replies, pushes, captions), masked like everything
 * else but for {@link SAMPLE_MOBILE} in its examples. Only for text the bot
 * composes: what a person typed is masked by {@link maskPersonalNumbers} when
 * it comes in, without exception, and a visitor's phone goes out through
 * {@link maskPhone} whatever it is.
 */
export function maskOutgoing(text: string): string {
  return masked(text, SAMPLE_MOBILE);
}

function masked(text: string, keep?: string): string {
  // Most texts hold no number (a reading, a date, a count): found out cheaply before any mapping.
  if (!mayHoldNumber(text)) return text;
  const view = readable(text);
  const spans = numbersIn(view.text, keep);
  // Where a character of the normalised view starts, and ends, in the text as typed.
  const start = (i: number) => (view.origin ? view.origin[i] : i);
  const end = (i: number) => {
    const o = start(i);
    return o + ((text.codePointAt(o) ?? 0) > 0xffff ? 2 : 1);
  };
  let out = '';
  let from = 0;
  for (const s of spans) {
    out += text.slice(from, start(s.start)) + s.masked;
    from = end(s.end - 1);
  }
  return out + text.slice(from);
}

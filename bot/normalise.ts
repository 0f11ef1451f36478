/**
 * Characters that copy-paste and some keyboards slip in unseen (zero-width
 * spaces and joiners, the BOM, soft hyphens, direction marks: Unicode's format
 * characters); NFKC keeps them and `\s` does not match them.
 */
export const INVISIBLE = /\p{Cf}/gu;

/** A Chinese full stop typed as a decimal point: `36。5`. */
const DECIMAL_STOP = /(\d)。(?=\d)/g;

/**
 * A decimal comma (`36,5`, `36，5`): a body temperature's whole degrees, a comma
 * and one digit. It becomes `‚` (U+201A, a low comma that no separator rule
 * touches), which the report grammar reads as a decimal point and echoes.
 */
const DECIMAL_COMMA = /(?<![\d.])(3[5-9]|4[0-2]),(\d)(?![\d.])/g;
export const DECIMAL_COMMA_MARK = '\u201a';

/**
 * Separators read alike (SPEC §3): after NFKC, `，` and `；` are already `,` and
 * `;`. Any other `。` ends a phrase, so it separates too.
 */
const SEPARATORS = /[\s,、;。]+/g;

/** Leading @-mentions (`@HallGuard `, `@机器人 `); a mention runs to the next space, as the platforms insert one. */
const LEADING_MENTIONS = /^(?:@\S+(?: |$))+/;

const EDGE_SPACE = /^\s+|\s+$/g;

/**
 * A normalised text and, for each of its characters, where it came from in
 * the text as typed (`from[i]`, a UTF-16 index; `from[text.length]` is the
 * typed text's length). Without `from` the mapping could not be kept (a
 * character NFKC composes with its neighbour), and only the normalised text
 * is known.
 */
export interface Tracked {
  text: string;
  from?: number[];
}

/**
 * Normalises what people type on a phone before any command sees it (SPEC §3):
 * NFKC (full-width digits and punctuation become ASCII; ℃ becomes °C, ℉ °F),
 * invisible zero-width characters dropped, a Chinese full stop between digits
 * read as a decimal point (`36。5` → `36.5`), a decimal comma marked
 * (`36,5` → `36‚5`), the separators `，,、;；。` and all
 * whitespace (the ideographic space too) collapsed into single spaces, trimmed,
 * and any leading @-mention of the bot removed.
 */
export function normalise(text: string): string {
  // The hot path of every message: plain replaces. normaliseTracked takes the same steps (STEPS) with their sources, for the commands that keep free text.
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DECIMAL_STOP, '$1.')
    .replace(DECIMAL_COMMA, `$1${DECIMAL_COMMA_MARK}$2`)
    .replace(SEPARATORS, ' ')
    .trim()
    .replace(LEADING_MENTIONS, '')
    .trim();
}

/**
 * {@link normalise}, keeping where each character came from, so free text
 * after a command can be kept as typed. Its text is always normalise's.
 */
export function normaliseTracked(typed: string): Tracked {
  let t = nfkcTracked(typed);
  for (const [pattern, replacement] of STEPS) t = replaceTracked(t, pattern, replacement);
  return t;
}

/** The rules after NFKC, in order, as {@link normalise} applies them; each replacement is a `$n` template. */
const STEPS: [RegExp, string][] = [
  [INVISIBLE, ''],
  [DECIMAL_STOP, '$1.'],
  [DECIMAL_COMMA, `$1${DECIMAL_COMMA_MARK}$2`],
  [SEPARATORS, ' '],
  [EDGE_SPACE, ''],
  [LEADING_MENTIONS, ''],
  [EDGE_SPACE, ''],
];

/**
 * The free text a command keeps, as the person typed it: the part of the
 * typed text that became `tail`, the end of its normalised text (a note, a
 * summary, a situation). Punctuation, full-width characters and line breaks
 * stay; invisible characters and the edges' spaces go. When the mapping is
 * unknown, `tail` itself.
 */
export function typedTail(typed: string, tail: string): string {
  const tracked = normaliseTracked(typed);
  return typedSpan(typed, tracked, tracked.text.length - tail.length, tail);
}

/**
 * The typed text behind `part`, a piece of the normalised text starting at
 * `start` (found by the caller); `part` itself when the mapping is unknown.
 */
export function typedSpan(typed: string, tracked: Tracked, start: number, part: string): string {
  if (!part) return '';
  const { text, from } = tracked;
  if (!from || start < 0 || text.slice(start, start + part.length) !== part) return part;
  const end = start + part.length;
  // A span that ends the text keeps what closes it (a final 。); one inside it ends where the separator after it begins.
  const to = end < text.length ? from[end] : typed.length;
  return typed.slice(from[start], to).replace(INVISIBLE, '').trim();
}

/** NFKC, character (with its combining marks) by character, so each output character knows its source. */
function nfkcTracked(typed: string): Tracked {
  let text = '';
  const from: number[] = [];
  for (const m of typed.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const n = m[0].normalize('NFKC');
    text += n;
    for (let i = 0; i < n.length; i++) from.push(m.index);
  }
  from.push(typed.length);
  const whole = typed.normalize('NFKC');
  return text === whole ? { text, from } : { text: whole };
}

/** `text.replace(pattern, template)` that carries the source of each character along. */
function replaceTracked(t: Tracked, pattern: RegExp, template: string): Tracked {
  if (!t.from) return { text: t.text.replace(pattern, template) };
  const from = t.from;
  let text = '';
  const out: number[] = [];
  // No push(...slice): a message of 60,000 characters would pass too many arguments.
  const keep = (start: number, end: number) => {
    for (let i = start; i < end; i++) out.push(from[i]);
  };
  let last = 0;
  for (const m of t.text.matchAll(pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`))) {
    text += t.text.slice(last, m.index);
    keep(last, m.index);
    const replaced = template.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
    text += replaced;
    for (let i = 0; i < replaced.length; i++) out.push(from[m.index + Math.min(i, Math.max(m[0].length - 1, 0))]);
    last = m.index + m[0].length;
    if (!pattern.global) break;
  }
  text += t.text.slice(last);
  keep(last, from.length);
  return { text, from: out };
}

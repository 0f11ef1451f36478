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

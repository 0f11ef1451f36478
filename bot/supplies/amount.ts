import { chineseInteger, NUMERAL_CHARS } from '../numerals';
import { isUnit } from './units';

/** An item and an amount as written: `口罩 500`, `消毒液 20瓶`, `口罩500个`, `N95口罩 100`, `口罩 两箱`, `酒精 二十四瓶`. */
export interface Amount {
  item: string;
  quantity: number;
  unit?: string;
}

const MAX = 1_000_000;
/** The longest quantity read (九十九万九千九百九十九 is 11 characters; digits up to 1000000 are 7). */
const LONGEST = 16;
/** A character a quantity is written with: a digit or a Chinese numeral. */
const NUMBER_CHAR = new RegExp(`[\\d${NUMERAL_CHARS}]`);

/** The run of digits and numerals ending the text, at most {@link LONGEST} characters (so a long text costs no more than a short one). */
function runAtEnd(text: string): string {
  let start = text.length;
  while (start > 0 && text.length - start < LONGEST && NUMBER_CHAR.test(text[start - 1])) start -= 1;
  return text.slice(start);
}
/** A word that ends in a number, digits or Chinese numerals. */
const ENDS_IN_NUMBER = new RegExp(`[\\d${NUMERAL_CHARS}]$`);
/** What may not touch a quantity's digits: another notation's letters (1e308, 0x7, 0b1010), a decimal or sign (1.5, -3). */
const NOT_PLAIN = /[A-Za-z.+\-‚]$/;

/** Why an amount cannot be read: what the handler tells the sender. */
export type AmountProblem = { problem: 'usage' } | { problem: 'quantity'; text: string } | { problem: 'unit'; text: string };

/**
 * Reads `<物品> <数量>[单位]`; `min` is 0 for a stocktake, 1 otherwise. The
 * quantity is a whole number in digits or Chinese numerals (两, 十, 百, 千, 万
 * and their combinations), the unit glued to it or a word after it.
 */
export function parseAmount(text: string, min: 0 | 1): Amount | AmountProblem {
  const words = text.trim().split(/\s+/).filter(Boolean);
  // `口罩 500 个`: a word of one or two characters after the number is its unit (or a unit not known: `5 吨`).
  const lastTwo = words.length >= 2 && /^\D{1,2}$/.test(words.at(-1)!) && ENDS_IN_NUMBER.test(words.at(-2)!) && (words.length >= 3 || !/^\d+$/.test(words[0]));
  const body = lastTwo ? words.slice(0, -1).join(' ') : words.join(' ');
  const separateUnit = lastTwo ? words.at(-1) : undefined;
  const last = body.split(' ').at(-1) ?? '';
  const found = quantityAtEnd(body, separateUnit);
  if ('problem' in found) return found;
  const { item, quantity, unit } = found;
  if (!item) return { problem: 'usage' };
  if (NOT_PLAIN.test(item) && /\d/.test(last)) return { problem: 'quantity', text: last };
  if (quantity < min || quantity > MAX) return { problem: 'quantity', text: last };
  if (unit && !isUnit(unit)) return { problem: 'unit', text: unit };
  if (item.length > 32) return { problem: 'usage' };
  return { item, quantity, unit };
}

/** The item, quantity and unit, reading the quantity from the end; a problem when the last word holds no whole number. */
function quantityAtEnd(body: string, separateUnit: string | undefined): { item: string; quantity: number; unit?: string } | AmountProblem {
  // A unit glued after the number: one or two characters (瓶, 个, 包).
  const glued = [1, 2].map((n) => ({ text: body.slice(0, -n), unit: body.slice(-n) })).filter((a) => /^\S+$/.test(a.unit));
  const attempts = separateUnit ? [{ text: body, unit: separateUnit }] : [{ text: body, unit: undefined }, ...glued];
  for (const { text, unit } of attempts) {
    const run = runAtEnd(text);
    if (!run) continue;
    // A run cut at its longest is a number too long to be a quantity.
    if (run.length === LONGEST && NUMBER_CHAR.test(text.at(-LONGEST - 1) ?? '')) return { problem: 'quantity', text: body.split(' ').at(-1)! };
    // Numerals may end the item too (十万火急 两包 is rare, 三七 两盒 is not): the longest run that reads as a number.
    for (let start = 0; start < run.length; start++) {
      const written = run.slice(start);
      const quantity = /^\d+$/.test(written) ? Number(written) : chineseInteger(written);
      if (quantity === undefined) continue;
      const item = text.slice(0, text.length - written.length).trim();
      return !unit || isUnit(unit) ? { item, quantity, unit } : { problem: 'unit', text: unit };
    }
  }
  const words = body.split(' ');
  return words.length >= 2 ? { problem: 'quantity', text: words.at(-1)! } : { problem: 'usage' };
}

import type { Database } from '../../bot/db/database';

/** A small seeded generator (mulberry32): the same spellings on every run, on both databases. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const digitsOf = (rng: Random, n: number) => Array.from({ length: n }, () => String(Math.floor(rng() * 10))).join('');

/** Separators the normaliser reads alike (SPEC §3), dashes, and runs of them. */
const SEPARATORS = [' ', '-', ',', '，', '、', ';', '；', '。', '\u3000', ' - ', '  ', '\t', '，\u3000'];
const PREFIXES = ['', '', '', '+86', '+86 ', '+86-', '0086', '0086 ', '86', '86 ', '(+86)', '(+86) ', '(86)', '（+86）', '＋８６ ', '(0086)'];
/** Characters that copy-paste slips in unseen: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen, direction mark. */
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e'];
const GROUPINGS = [[11], [3, 4, 4], [3, 8], [3, 3, 5], [4, 3, 4], [3, 4, 2, 2], [1, 2, 4, 4], [2, 9]];

const fullWidth = (d: string) => String.fromCharCode(0xff10 + Number(d));

/** Writes digits out in groups, some full-width, invisible characters slipped between some of them. */
function spell(rng: Random, digits: string, groups: number[], separator: () => string): string {
  const wide = rng() < 0.3;
  const hidden = rng() < 0.3;
  let out = '';
  let at = 0;
  groups.forEach((size, g) => {
    for (const d of digits.slice(at, at + size)) {
      out += wide && rng() < 0.7 ? fullWidth(d) : d;
      if (hidden && rng() < 0.25) out += pick(rng, INVISIBLES);
    }
    at += size;
    if (g < groups.length - 1) out += separator();
  });
  return out + digits.slice(at);
}

/** A mainland mobile number nobody in the test directory has (theirs start 13800000). */
export function randomPhone(rng: Random): string {
  return `1${pick(rng, ['3', '5', '7', '8', '9'])}${pick(rng, ['1', '2', '5', '6', '7', '9'])}${digitsOf(rng, 8)}`;
}

/** A phone as people type it: a country code or not, grouped by any separator, full-width or not, with invisible characters. */
export function phoneSpelling(rng: Random, phone: string): string {
  const one = pick(rng, SEPARATORS);
  const mixed = rng() < 0.3;
  return pick(rng, PREFIXES) + spell(rng, phone, pick(rng, GROUPINGS), () => (mixed ? pick(rng, SEPARATORS) : one));
}

/** A resident ID number: 18 characters (its last a digit or X) or the old 15 digits. */
export function randomId(rng: Random): string {
  const region = `${1 + Math.floor(rng() * 6)}${digitsOf(rng, 5)}`;
  const year = 1950 + Math.floor(rng() * 55);
  const date = `${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
  if (rng() < 0.2) return `${region}${String(year).slice(2)}${date}${digitsOf(rng, 3)}`;
  return `${region}${year}${date}${digitsOf(rng, 3)}${rng() < 0.15 ? pick(rng, ['X', 'x']) : digitsOf(rng, 1)}`;
}

/** An ID number as typed: whole or in its usual groups, full-width or not, with invisible characters. */
export function idSpelling(rng: Random, id: string): string {
  const groups = id.length === 15 ? pick(rng, [[15], [6, 6, 3]]) : pick(rng, [[18], [6, 8, 4], [6, 4, 4, 4]]);
  const separator = pick(rng, [' ', '-', ' ']);
  return spell(rng, id, groups, () => separator);
}

/**
 * Finds a number held in full, in any spelling: its digits (of any width) in
 * order, with at most three other characters between each two — separators,
 * brackets, invisible characters. Stricter than any reader of phones, so that
 * it cannot share a blind spot with the one it checks.
 */
export function fullNumberFinder(numbers: string[]): (text: string) => string | undefined {
  const patterns = numbers.map((n) => ({ n, re: new RegExp([...n.toUpperCase()].map((d) => (d === 'X' ? '[Xx]' : d)).join(String.raw`\D{0,3}`)) }));
  return (text) => {
    const plain = text.normalize('NFKC');
    return patterns.find((p) => p.re.test(plain))?.n;
  };
}

/** Every text and number the database keeps, table by table, but in the tables named (ISO times left out: they are no one's number). */
export async function storedTexts(db: Database, except: string[] = []): Promise<{ table: string; text: string }[]> {
  const out: { table: string; text: string }[] = [];
  for (const { tableName } of db.dataSource.entityMetadatas) {
    if (except.includes(tableName)) continue;
    for (const row of await db.all<Record<string, unknown>>(`SELECT * FROM ${tableName}`)) {
      for (const value of Object.values(row)) {
        if (typeof value === 'number') out.push({ table: tableName, text: String(value) });
        else if (typeof value === 'string' && !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)) out.push({ table: tableName, text: value });
      }
    }
  }
  return out;
}

import { idNumbersIn, longDigitRuns, mobilesIn, normalisePhone } from '../../bot/privacy/numbers';
import type { VisitorRow } from '../../bot/door/store';
import { parseSigns, type ReportProblem } from '../health/grammar';
import { tokenize } from '../health/tokenize';

/** A visitor registration the grammar accepted (SPEC §12): the visitor's fields as stored, and the words that fit none. */
export interface ParsedVisitor extends Pick<VisitorRow, 'name' | 'phone' | 'address' | 'travel' | 'window' | 'temperature' | 'healthCode'> {
  kind: 'visitor';
  /** Canonical symptoms; null: not mentioned; []: declared none. */
  symptoms: string[] | null;
  /** Words that fit no field, for the reply to name. */
  unused: string[];
  /** A resident ID number was written: left out (never kept, SPEC §12), and the reply says so. */
  idNumberLeftOut: boolean;
}

/** Why a registration is refused; nothing is stored. */
export type VisitorProblem =
  | { kind: 'missing-phone' }
  | { kind: 'bad-phone'; digits: number }
  | { kind: 'several-phones' }
  | { kind: 'missing-visitor-name' }
  | ReportProblem;

type Field = 'address' | 'travel' | 'window';

/** Labels guards put before a field, longest matched first; glued (`现住幸福小区`) or apart, with `:` `是` `为` after. */
const LABELS: Record<string, Field> = {
  ...Object.fromEntries(['住址', '现住', '现住址', '现住地', '现居', '现居住地', '居住地', '居住地址', '家庭住址', '家住', '住在', '地址', '居住'].map((w) => [w, 'address' as const])),
  ...Object.fromEntries(['行程', '近期行程', '14天行程', '旅居史', '旅居', '去过', '到过', '途经', '来自', '从'].map((w) => [w, 'travel' as const])),
  ...Object.fromEntries(['窗口', '办理', '办事', '前往', '业务'].map((w) => [w, 'window' as const])),
};
const LABEL_WORDS = Object.keys(LABELS).sort((a, b) => b.length - a.length);
const AFTER_LABEL = /^(?:[:=]|是|为)+/;
/** `2号窗口`, `2号窗`, `窗口2`, `窗口2号`, `第2窗口`, optionally with 办理 / 业务 around. */
const NUMBERED_WINDOW = /^(?:办理|办事|前往|去)?(?:第?(\d{1,3})号?窗口?|窗口第?(\d{1,3})号?)(?:办理|办事|业务)?$/;
/** Saying the visitor shows no code (无码人员): registered without one. */
const NO_CODE = /^(?:无码|没码|没有码|无健康码|没有健康码|未出示健康码|未出示|无法出示|不会用健康码|无智能手机|老人无码)$/;
const SIGN_TYPES = new Set(['number', 'code', 'symptom', 'none', 'keyword', 'list-end', 'connector', 'fahrenheit', 'slot', 'filler', 'gap', 'punct', 'today']);

/** The label a word opens with and what follows it in the word. */
function labelOf(word: string): { field: Field; rest: string } | null {
  const label = LABEL_WORDS.find((l) => word.startsWith(l));
  if (!label) return null;
  const rest = word.slice(label.length).replace(AFTER_LABEL, '');
  // 窗口 glued to a number is the window itself (`窗口2`), and 从 only opens travel when something follows.
  return { field: LABELS[label], rest };
}

/** Whether a word belongs to the check (a reading, a code, a symptom) rather than to a name or an address. */
function isSign(word: string): boolean {
  if (NO_CODE.test(word)) return true;
  const tokens = tokenize(word);
  return tokens.length > 0 && tokens.every((t) => SIGN_TYPES.has(t.type)) && tokens.some((t) => t.type !== 'gap' && t.type !== 'punct' && t.type !== 'filler');
}

/** `2` / `2号窗口` / `窗口2` → `2号窗口`; another window name as typed. */
function windowName(text: string): string {
  const m = NUMBERED_WINDOW.exec(text) ?? /^(\d{1,3})号?$/.exec(text);
  return m ? `${m[1] ?? m[2]}号窗口` : text;
}

/** A label a guard may put before an ID number (`身份证 …`, `证件号：…`), read with the number and left out with it. */
const ID_LABEL = /(?:身份证号码|身份证号|身份证|证件号码|证件号|证件|身份号码)\s*(?:[:=]|是|为)?\s*$/;

/** The text without its resident ID numbers (and their labels), and whether there were any. */
function withoutIdNumbers(text: string): { rest: string; found: boolean } {
  const ids = idNumbersIn(text);
  let rest = text;
  for (const w of [...ids].reverse()) {
    const before = rest.slice(0, w.index).replace(ID_LABEL, '');
    rest = `${before} ${rest.slice(w.index + w.written.length)}`;
  }
  return { rest, found: ids.length > 0 };
}

/** The one phone number of the text, and the text without it; or why there is none. */
function findPhone(text: string): { phone: string; rest: string } | VisitorProblem {
  const written = mobilesIn(text);
  const phones = [...new Set(written.map((w) => normalisePhone(w.written)!))];
  if (phones.length > 1) return { kind: 'several-phones' };
  if (phones.length === 0) {
    const [longest] = longDigitRuns(text).sort((a, b) => b - a);
    return longest === undefined ? { kind: 'missing-phone' } : { kind: 'bad-phone', digits: longest };
  }
  let rest = text;
  for (const w of [...written].reverse()) rest = `${rest.slice(0, w.index)} ${rest.slice(w.index + w.written.length)}`;
  return { phone: phones[0], rest };
}

/**
 * Parses `登记 <姓名> <手机号> [住址 …] [行程 …] [窗口 …] [体温] [码] [症状…]`
 * (SPEC §12) from the normalised text after the keyword. Guards type it
 * loosely, so:
 * - the phone may sit anywhere, glued to the name, in any spelling the
 *   privacy module reads as a mobile number (separators, `+86`, `(+86)`, `0086`);
 * - a resident ID number (with or without `身份证` before it) is left out:
 *   it is never kept, nor echoed as an unread word;
 * - the name is the first word, when it is no label and no reading;
 * - a label (`住址`, `现住`, `居住地`, `行程`, `旅居史`, `去过`, `窗口`, `办理` …)
 *   opens a field, glued to its value or not; the field takes the words after
 *   it until the next label or a word of the check;
 * - `2号窗口` / `窗口2` anywhere is the window;
 * - the temperature, code and symptoms are read as in a report (the
 *   temperature optional); `无码` says the visitor shows no code.
 */
export function parseVisitor(text: string): ParsedVisitor | VisitorProblem {
  const ids = withoutIdNumbers(text);
  const found = findPhone(ids.rest);
  if ('kind' in found) return found;
  const words = found.rest.split(' ').filter(Boolean);
  const fields: Record<Field, string[]> = { address: [], travel: [], window: [] };
  const signs: string[] = [];
  const others: string[] = [];
  let name: string | null = null;
  let open: Field | null = null;
  words.forEach((word, i) => {
    if (NUMBERED_WINDOW.test(word) || (/.窗口$/.test(word) && !labelOf(word))) {
      fields.window.push(word);
      open = null;
      return;
    }
    const label = isSign(word) ? null : labelOf(word);
    if (label) {
      open = label.field;
      if (label.rest) fields[open].push(label.rest);
      return;
    }
    if (open && (/^(?:无|没有|否)$/.test(word) || (open === 'window' && /^\d{1,3}号?$/.test(word)))) fields[open].push(word);
    else if (isSign(word)) {
      signs.push(word);
      open = null;
    } else if (open) fields[open].push(word);
    else if (i === 0) name = word;
    else others.push(word);
  });
  if (name === null) return { kind: 'missing-visitor-name' };
  const read = parseSigns(signs.filter((w) => !NO_CODE.test(w)).join(' '));
  if ('kind' in read) return read;
  const joined = (f: Field) => (fields[f].length ? fields[f].join(' ').slice(0, 255) : null);
  const window = joined('window');
  return {
    kind: 'visitor',
    name: (name as string).slice(0, 64),
    phone: found.phone,
    address: joined('address'),
    travel: joined('travel'),
    window: window === null ? null : windowName(window).slice(0, 64),
    temperature: read.temperature ?? null,
    healthCode: read.healthCode ?? null,
    symptoms: read.symptoms,
    unused: [...others, ...read.unused],
    idNumberLeftOut: ids.found,
  };
}

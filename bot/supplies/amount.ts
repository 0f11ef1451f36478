import { isUnit } from './units';

/** An item and an amount as written: `口罩 500`, `消毒液 20瓶`, `口罩500个`, `N95口罩 100`. */
export interface Amount {
  item: string;
  quantity: number;
  unit?: string;
}

const MAX = 1_000_000;
/** The item (which may hold digits, N95口罩, but ends in something else), then the number, then an optional unit. */
const AMOUNT = /^(.*?\D)\s*(\d+(?:\.\d+)?)\s*(\S{0,2})$/;
/** An item and something that is no number: `口罩 五百`. */
const NOT_A_NUMBER = /^(\S+)\s+(\S+)$/;

/** Why an amount cannot be read: what the handler tells the sender. */
export type AmountProblem = { problem: 'usage' } | { problem: 'quantity'; text: string } | { problem: 'unit'; text: string };

/** Reads `<物品> <数量>[单位]`; `min` is 0 for a stocktake, 1 otherwise. */
export function parseAmount(text: string, min: 0 | 1): Amount | AmountProblem {
  const m = AMOUNT.exec(text.trim());
  if (!m) {
    const wrong = NOT_A_NUMBER.exec(text.trim());
    return wrong ? { problem: 'quantity', text: wrong[2] } : { problem: 'usage' };
  }
  const [, item, number, unit] = m;
  if (/[-－+＋]$/.test(item)) return { problem: 'quantity', text: `${item.slice(-1)}${number}` };
  if (!/^\d+$/.test(number) || Number(number) < min || Number(number) > MAX) return { problem: 'quantity', text: number };
  if (unit && !isUnit(unit)) return { problem: 'unit', text: unit };
  if (item.trim().length > 32) return { problem: 'usage' };
  return { item: item.trim(), quantity: Number(number), unit: unit || undefined };
}

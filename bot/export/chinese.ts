// Chinese text as a reader sees it: its order and its width on screen.

/** Chinese reading order: names by pinyin, numbers by value (2号窗口 before 10号窗口). */
const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Ranks the distinct strings of `values` in Chinese reading order, the empty
 * string last (people without a window after every window). Sorting by rank
 * compares numbers, so a sort of many rows calls the collator only once per
 * distinct string — and the order is the same on SQLite and PostgreSQL,
 * whatever the database's collation.
 */
export function ranks(values: Iterable<string>): (value: string) => number {
  const distinct = [...new Set(values)].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
  const rank = new Map(distinct.map((value, i) => [value, i]));
  return (value) => rank.get(value) ?? distinct.length;
}

/** East Asian wide ranges (Hangul Jamo, CJK, Hangul, compatibility ideographs, full-width forms, planes 2–3). */
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x20000, 0x3fffd],
];

/** Columns a string takes in a terminal or a spreadsheet: two for a Chinese or full-width character. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    width += c >= 0x1100 && WIDE.some(([lo, hi]) => c >= lo && c <= hi) ? 2 : 1;
  }
  return width;
}

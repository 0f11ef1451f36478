/**
 * Whole numbers written in Chinese numerals, as people type quantities:
 * 两, 十, 二十四, 一百, 一百零五, 三百五十, 两千, 一万二千 — the financial forms
 * (壹贰叁 … 拾佰仟) too, and the spoken shortening of a last digit
 * (三百五 = 350, 一千二 = 1200, 两万三 = 23000). Digits with a Chinese
 * multiplier (2千, 3万) count as well.
 */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const WAN = 10_000;

/** Every character a Chinese numeral may contain. */
export const NUMERAL_CHARS = `${Object.keys(DIGIT).join('')}${Object.keys(UNIT).join('')}万`;

/** The value of a Chinese numeral (or digits with 十/百/千/万 after them); undefined when it is none. */
export function chineseInteger(text: string): number | undefined {
  const multiplied = /^(\d{1,7})([十百千万])$/.exec(text);
  if (multiplied) return Number(multiplied[1]) * (multiplied[2] === '万' ? WAN : UNIT[multiplied[2]]);
  const parts = text.split('万');
  if (parts.length > 2 || text === '' || text === '万') return undefined;
  if (parts.length === 1) return section(parts[0], 1);
  const high = parts[0] === '' ? undefined : section(parts[0], 1);
  // 两万三 is 23000: a lone digit after 万 counts thousands.
  const low = parts[1] === '' ? 0 : section(parts[1], 1000);
  return high === undefined || low === undefined ? undefined : high * WAN + low;
}

/** A number below 10,000; `shortened` is what a lone last digit counts when nothing says (after 万: thousands). */
function section(text: string, shortened: number): number | undefined {
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  let zero = false;
  for (const [i, ch] of [...text].entries()) {
    if (ch in DIGIT) {
      if (pending !== undefined) return undefined;
      if (DIGIT[ch] === 0) {
        zero = true;
        continue;
      }
      pending = DIGIT[ch];
    } else if (ch in UNIT) {
      const unit = UNIT[ch];
      if (unit >= lastUnit) return undefined;
      // 十二 alone is 12; 一百一十 needs its 一.
      if (pending === undefined && !(unit === 10 && i === 0)) return undefined;
      total += (pending ?? 1) * unit;
      pending = undefined;
      lastUnit = unit;
      zero = false;
    } else return undefined;
  }
  if (pending === undefined) return total;
  if (lastUnit === Infinity) return pending === 0 ? 0 : shortened === 1 ? pending : pending * shortened;
  // 一百零五: the digit after 零 is units; 三百五: a digit straight after a unit is the next unit down.
  return total + pending * (zero || lastUnit === 10 ? 1 : lastUnit / 10);
}

/** The units an item may be kept in (SPEC §13: 个, 瓶, 箱, 台 and their like); no conversion between them. */
export const UNITS = ['个', '只', '副', '双', '瓶', '桶', '升', '箱', '盒', '包', '袋', '卷', '支', '把', '台', '套', '件'] as const;

/** An item's unit when its first entry names none: liquids by the bottle, instruments by the piece of equipment, the rest by the piece. */
export function defaultUnit(item: string): string {
  if (/液|酒精|喷雾|凝胶|消毒水|84/.test(item)) return '瓶';
  if (/枪|温度计|体温计|测温仪|仪|机/.test(item)) return '台';
  if (/手套|鞋套/.test(item)) return '副';
  return '个';
}

/** Whether a word is a unit an item may be kept in. */
export function isUnit(word: string): boolean {
  return (UNITS as readonly string[]).includes(word);
}

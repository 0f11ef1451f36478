/** Small text helpers the message catalog shares. */

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** At most `max` names, then a count of the rest: a summary names a screenful of people (SPEC §2). */
export function someNames(names: string[], max = 30): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')} 等 ${names.length} 人`;
}

/** A user's text quoted back, cut short. */
export function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/** 2026-11-24 → 11月24日 */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 2026-11-24 → 11月24日（周二） */
export function dateLabel(date: string): string {
  const weekday = WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${weekday}）`;
}

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

/**
 * How long something took or is late, as people read it (SPEC §11): under an
 * hour `45分钟`, under a day `2小时16分钟`, then `5天16小时`. The one wording of
 * every elapsed and overdue time — chat, reminders, brief, dashboard, report.
 */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m}分钟`;
  if (m < 1440) return `${Math.floor(m / 60)}小时${m % 60}分钟`;
  return `${Math.floor(m / 1440)}天${Math.floor((m % 1440) / 60)}小时`;
}

import { addDays } from '../time';
import { eachDay } from './days';
import { festivalDays } from './statutory';

/** The seven festivals of 《全国年节及纪念日放假办法》, as the notices name them. */
export const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type Festival = (typeof FESTIVALS)[number];

const ALIASES: Record<string, Festival> = {
  元旦: '元旦', 新年: '元旦', 春节: '春节', 清明节: '清明节', 清明: '清明节', 劳动节: '劳动节', 五一劳动节: '劳动节',
  国际劳动节: '劳动节', 五一: '劳动节', 端午节: '端午节', 端午: '端午节', 中秋节: '中秋节', 中秋: '中秋节', 国庆节: '国庆节', 国庆: '国庆节',
};

/** The festival a notice or calendar names, or undefined for a name the law does not know. */
export function festivalNamed(name: string): Festival | undefined {
  return Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
}

/** A holiday range of a notice: 放假 from `from` to `to`. */
export interface HolidayRange {
  festivals: Festival[];
  from: string;
  to: string;
}

/** A notice as read: its year, its holiday ranges and 调休 make-up workdays, and what it says without changing any date. */
export interface Notice {
  year: number;
  holidays: HolidayRange[];
  workdays: { festivals: Festival[]; date: string }[];
  notes: string[];
}

/** One day a notice rules on, as stored. */
export interface NoticeDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** A notice the calendar cannot take: the message says what and where. */
export class NoticeError extends Error {}

/** Where in the year a festival must fall: its first day by law (春节: 正月初一). */
function festivalAnchor(year: number, festival: Festival): string {
  const days = festivalDays(year).filter((d) => d.name === festival);
  return festival === '春节' ? addDays(days[0].date, 1) : days[0].date;
}

/**
 * Checks a notice as a whole and turns it into days: every festival present
 * (a notice pasted half would otherwise leave the rest as workdays), each
 * range holding its festival's day, and no date ruled on twice.
 */
export function noticeDays(notice: Notice): NoticeDay[] {
  const named = new Set([...notice.holidays.flatMap((h) => h.festivals)]);
  const missing = FESTIVALS.filter((f) => !named.has(f));
  if (missing.length > 0) throw new NoticeError(`${notice.year} 年的安排缺少：${missing.join('、')}（通知是否复制完整？）`);
  for (const range of notice.holidays) {
    for (const festival of range.festivals) {
      const anchor = festivalAnchor(notice.year, festival);
      const held = notice.holidays.some((h) => h.festivals.includes(festival) && h.from <= anchor && anchor <= h.to);
      if (!held) throw new NoticeError(`${festival}：${notice.year} 年的${festival}是 ${anchor}，不在所列放假日期内（年份是否有误？）`);
    }
  }
  const days = new Map<string, NoticeDay>();
  const add = (day: NoticeDay) => {
    if (days.has(day.date)) throw new NoticeError(`${day.date} 出现了两次（${days.get(day.date)!.name}、${day.name}）`);
    days.set(day.date, day);
  };
  for (const h of notice.holidays) for (const date of eachDay(h.from, h.to)) add({ date, kind: 'holiday', name: h.festivals.join('、') });
  for (const w of notice.workdays) add({ date: w.date, kind: 'workday', name: w.festivals.join('、') });
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

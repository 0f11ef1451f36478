import chineseDays from 'chinese-days';
import { addDays } from '../time';
import { isWeekend } from './days';

/** One day off by law: the festival it belongs to, and whether it is a 补假 for a festival day lost to a weekend. */
export interface StatutoryDay {
  date: string;
  name: string;
  makeUp: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The solar date of a lunar month and day in lunar year `year` (the library's converter). */
function lunar(year: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;
}

/**
 * The festival days of 《全国年节及纪念日放假办法》 (2024 revision, art. 2) in a
 * year: 元旦 1月1日; 春节 除夕 (the last day of 腊月, the day before 正月初一) and
 * 正月初一至初三; 清明 (the solar-term day); 劳动节 5月1日、2日; 端午 五月初五;
 * 中秋 八月十五; 国庆 10月1日至3日. Lunar and solar-term dates come from chinese-days.
 */
export function festivalDays(year: number): { date: string; name: string }[] {
  const firstOfYear = lunar(year, 1, 1);
  return [
    { date: `${year}-01-01`, name: '元旦' },
    { date: addDays(firstOfYear, -1), name: '春节' },
    { date: firstOfYear, name: '春节' },
    { date: addDays(firstOfYear, 1), name: '春节' },
    { date: addDays(firstOfYear, 2), name: '春节' },
    { date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunar(year, 5, 5), name: '端午节' },
    { date: lunar(year, 8, 15), name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
}

const cache = new Map<number, Map<string, StatutoryDay>>();

/**
 * Every day off by law in a year, for a year without an official notice:
 * the festival days, and for each festival day that falls on a Saturday or
 * Sunday, or on another festival's day, a 补假 on the next weekday that is
 * not already off (art. 6: "适逢星期六、星期日，应当在工作日补假"). The exact
 * 调休 swaps come only with the State Council's notice.
 */
export function statutoryDays(year: number): Map<string, StatutoryDay> {
  const known = cache.get(year);
  if (known) return known;
  const days = new Map<string, StatutoryDay>();
  const owed: { date: string; name: string }[] = [];
  for (const festival of festivalDays(year)) {
    if (days.has(festival.date) || isWeekend(festival.date)) owed.push(festival);
    if (!days.has(festival.date)) days.set(festival.date, { ...festival, makeUp: false });
  }
  for (const festival of owed.sort((a, b) => a.date.localeCompare(b.date))) {
    let d = addDays(festival.date, 1);
    while (isWeekend(d) || days.has(d)) d = addDays(d, 1);
    days.set(d, { date: d, name: festival.name, makeUp: true });
  }
  const sorted = new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
  cache.set(year, sorted);
  return sorted;
}

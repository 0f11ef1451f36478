import ICAL from 'ical.js';
import { addDays } from '../time';
import { FESTIVALS, festivalNamed, NoticeError, type Festival, type Notice } from './notice';

/** What marks an event as a day off or a make-up workday: Apple's X-APPLE-SPECIAL-DAY, else the words of its title. */
function kindOf(special: string, words: string): 'holiday' | 'workday' | undefined {
  if (special === 'ALTERNATE-WORKDAY' || /\(班\)|补班|上班|调休日?$|工作日/.test(words)) return 'workday';
  if (special === 'WORK-HOLIDAY' || /\(休\)|放假|休息|假期|休$|补休/.test(words)) return 'holiday';
  return undefined;
}

/** The festival an event's title names (`春节(休)`, `国庆节 假期 第1天`, `元旦补班`). */
function festivalIn(title: string): Festival | undefined {
  const names = ['五一劳动节', '国际劳动节', ...FESTIVALS, '清明', '端午', '中秋', '国庆', '五一', '新年'];
  const name = names.find((n) => title.includes(n));
  return name ? festivalNamed(name) : undefined;
}

/** An event's local date as YYYY-MM-DD. */
const dateOf = (t: ICAL.Time) => `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;

/**
 * Reads an iCalendar holiday calendar (the kind Apple, Google and the
 * chinese-days package publish) into one notice per year: each event a range
 * of days off or a make-up workday, by its X-APPLE-SPECIAL-DAY mark or its
 * title. An event that is neither, or names no festival, is refused.
 */
export function parseIcs(text: string, onlyYear?: number): Notice[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    throw new NoticeError(`不是有效的 iCalendar 文件：${(err as Error).message}`);
  }
  const notices = new Map<number, Notice>();
  root.getAllSubcomponents('vevent').forEach((component, i) => {
    const event = new ICAL.Event(component);
    const title = (event.summary ?? '').normalize('NFKC').replace(/\s+/g, '');
    const where = `第${i + 1}个事件「${event.summary ?? ''}」`;
    const special = String(component.getFirstPropertyValue('x-apple-special-day') ?? '').toUpperCase();
    const kind = kindOf(special, `${title}${String(event.description ?? '').trim()}`);
    if (!kind) throw new NoticeError(`${where}：看不出是放假还是上班`);
    const festival = festivalIn(title);
    if (!festival) throw new NoticeError(`${where}：不认识的节日`);
    if (!event.startDate) throw new NoticeError(`${where}：没有日期`);
    const from = dateOf(event.startDate);
    const to = event.endDate && event.startDate.isDate ? addDays(dateOf(event.endDate), -1) : from;
    if (to < from) throw new NoticeError(`${where}：结束早于开始`);
    // 元旦's days and make-up days may fall in December: they belong to the next year's notice.
    const year = Number(from.slice(0, 4)) + (festival === '元旦' && from.slice(5, 7) === '12' ? 1 : 0);
    if (onlyYear !== undefined && year !== onlyYear) return;
    const notice = notices.get(year) ?? { year, holidays: [], workdays: [], notes: [] };
    notices.set(year, notice);
    if (kind === 'holiday') notice.holidays.push({ festivals: [festival], from, to });
    else for (let d = from; d <= to; d = addDays(d, 1)) notice.workdays.push({ festivals: [festival], date: d });
  });
  if (notices.size === 0) throw new NoticeError(onlyYear ? `文件里没有 ${onlyYear} 年的安排` : '文件里没有任何节假日安排');
  return [...notices.values()].sort((a, b) => a.year - b.year);
}

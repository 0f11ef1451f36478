import { eachDay, isCalendarDate, weekday } from './days';
import { festivalNamed, NoticeError, type Festival, type Notice } from './notice';

const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.]/;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g;
const WEEKDAYS = '日一二三四五六';

interface Cursor {
  year: number;
  month?: number;
}

/** Reads the dates of a phrase (`1月28日(农历除夕、周二)至2月4日`), each inheriting the year and month before it. */
function readDates(phrase: string, cursor: Cursor, where: string): string[] {
  const dates: string[] = [];
  for (const m of phrase.matchAll(DATE)) {
    if (m[1]) cursor.year = Number(m[1]);
    if (m[2]) cursor.month = Number(m[2]);
    if (cursor.month === undefined) throw new NoticeError(`${where}：「${m[0]}」没有月份`);
    const date = `${cursor.year}-${String(cursor.month).padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    if (!isCalendarDate(date)) throw new NoticeError(`${where}：${cursor.month}月${m[3]}日不是有效日期`);
    checkAside(date, m[4], where);
    dates.push(date);
  }
  return dates;
}

/** Checks what stands in brackets after a date: the weekday must be the date's; lunar names are taken as given. */
function checkAside(date: string, aside: string | undefined, where: string): void {
  for (const part of aside ? aside.split(/[、,]/) : []) {
    const day = /^(?:周|星期)([一二三四五六日天])$/.exec(part);
    if (day) {
      const stated = day[1] === '天' ? 0 : WEEKDAYS.indexOf(day[1]);
      if (stated !== weekday(date)) throw new NoticeError(`${where}：${date} 是星期${WEEKDAYS[weekday(date)]}，通知写的是${part}`);
    } else if (!/^(?:农历)?(?:除夕|[正二三四五六七八九十冬腊]月|初|廿|十|二十|三十)/.test(part)) {
      throw new NoticeError(`${where}：看不懂括号里的「${part}」`);
    }
  }
}

/** The festivals an item names (`国庆节、中秋节`), or an error naming the one the law does not know. */
function itemFestivals(names: string, where: string): Festival[] {
  return names.replace(NUMBERING, '').split(/[、和与及,]/).map((name) => {
    const festival = festivalNamed(name);
    if (!festival) throw new NoticeError(`${where}：不认识的节日「${name}」`);
    return festival;
  });
}

/** Reads one item (`二、春节：…放假调休，共8天。…上班。`) into the notice. */
function readItem(festivals: Festival[], body: string, notice: Notice, where: string): void {
  const cursor: Cursor = { year: notice.year };
  let last: { from: string; to: string } | undefined;
  for (const sentence of body.split(/[。;]/).filter(Boolean)) {
    if (/^(?:鼓励|提倡|倡导)/.test(sentence)) {
      notice.notes.push(`${festivals.join('、')}：${sentence}`);
      continue;
    }
    for (const clause of sentence.split(',').filter(Boolean)) {
      const holiday = /^(.+?)(?:放假|休息)(?:调休)?(?:(\d+)天)?$/.exec(clause);
      const count = /^共(\d+)天$/.exec(clause);
      const work = /^(.+?)(上班|补班|补休)$/.exec(clause);
      if (holiday && /^(?:至)?$/.test(holiday[1].replace(DATE, ''))) {
        const [from, to = from] = readDates(holiday[1], cursor, where);
        if (to < from) throw new NoticeError(`${where}：放假日期 ${from} 至 ${to} 前后颠倒`);
        last = { from, to };
        notice.holidays.push({ festivals, from, to });
        if (holiday[2]) checkCount(last, Number(holiday[2]), where);
      } else if (count) {
        if (!last) throw new NoticeError(`${where}：「${clause}」之前没有放假日期`);
        checkCount(last, Number(count[1]), where);
      } else if (/^(?:不调休|与周末连休|调休)$/.test(clause)) {
        continue;
      } else if (work && work[1].replace(DATE, '').replace(/[、和及]/g, '') === '') {
        const dates = readDates(work[1], cursor, where);
        if (work[2] === '补休') for (const date of dates) notice.holidays.push({ festivals, from: date, to: date });
        else for (const date of dates) notice.workdays.push({ festivals, date });
      } else {
        throw new NoticeError(`${where}：看不懂「${clause}」`);
      }
    }
  }
  if (!notice.holidays.some((h) => h.festivals === festivals)) throw new NoticeError(`${where}：没有放假日期`);
}

function checkCount(range: { from: string; to: string }, stated: number, where: string): void {
  const days = eachDay(range.from, range.to).length;
  if (days !== stated) throw new NoticeError(`${where}：${range.from} 至 ${range.to} 是 ${days} 天，通知写的是共${stated}天`);
}

/** The year a notice is for, from its title or opening (`关于2027年部分节假日安排`, `现将2027年元旦、…`). */
function statedYear(lines: string[]): number | undefined {
  for (const line of lines) {
    const m = /(\d{4})年(?:部分节假日|元旦、|元旦,|节假日)/.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Reads the State Council's 《关于20XX年部分节假日安排的通知》 as pasted from the
 * government website, in any year's wording (周 or 星期, 补休, 与周末连休,
 * full- or half-width punctuation). Every line must be accounted for: an
 * item it can read, a line without dates (title, addressee, closing words),
 * or the date it was issued; anything else is refused with its line number.
 */
export function parseNoticeText(text: string, givenYear?: number): Notice {
  const lines = text.normalize('NFKC').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.replace(/\s+/g, ''));
  const stated = statedYear(lines);
  if (givenYear !== undefined && stated !== undefined && givenYear !== stated) {
    throw new NoticeError(`这份通知是 ${stated} 年的，而不是 ${givenYear} 年`);
  }
  const year = givenYear ?? stated;
  if (year === undefined) throw new NoticeError('看不出是哪一年的通知：请连同标题一起复制，或加上 --year 2027');
  const notice: Notice = { year, holidays: [], workdays: [], notes: [] };
  lines.forEach((line, i) => {
    const where = `第${i + 1}行`;
    for (const part of line.split(/(?<=。)(?=(?:[一二三四五六七八九十]{1,3}|\d{1,2})、)/)) {
      const item = /^((?:(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.])?[^:]{1,24}?):(.*)$/.exec(part);
      if (item && (NUMBERING.test(part) || festivalNamed(item[1].split(/[、和与及,]/)[0]!))) {
        readItem(itemFestivals(item[1], where), item[2], notice, where);
      } else if (DATE.test(part) && !/^\d{4}年\d{1,2}月\d{1,2}日$/.test(part)) {
        throw new NoticeError(`${where}：这一行有日期，但不是一条节日安排：「${part.slice(0, 40)}」`);
      }
      DATE.lastIndex = 0;
    }
  });
  if (notice.holidays.length === 0) throw new NoticeError('没有找到任何节日安排（如“一、元旦：1月1日放假…”）');
  return notice;
}

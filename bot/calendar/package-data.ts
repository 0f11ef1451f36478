import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** What one source of the calendar rules about a date, when it rules at all. */
export interface DayRuling {
  kind: 'holiday' | 'workday';
  /** The festival, e.g. 春节; '' when the source gives none. */
  name: string;
}

/** An official calendar for whole years: what it says of a date, for the years it covers. */
export interface OfficialCalendar {
  /** The years whose State Council notice it holds. */
  years(): ReadonlySet<number>;
  /** Its ruling on a date of a covered year; undefined: an ordinary day (weekends off). */
  ruling(date: string): DayRuling | undefined;
}

/** The Chinese name inside the package's "Spring Festival,春节,4" labels. */
const chineseName = (label: string): string => label.split(',')[1] ?? '';

/**
 * The chinese-days package's official data (holidays and 调休 make-up
 * workdays from each year's notice), read from its JSON: it covers the years
 * published when the package was, and nothing after.
 */
export const packageCalendar: OfficialCalendar = (() => {
  const years = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
  const holidays = data.holidays as Record<string, string>;
  const workdays = data.workdays as Record<string, string>;
  return {
    years: () => years,
    ruling(date) {
      if (Object.hasOwn(workdays, date)) return { kind: 'workday', name: chineseName(workdays[date]) };
      if (Object.hasOwn(holidays, date)) return { kind: 'holiday', name: chineseName(holidays[date]) };
      return undefined;
    },
  };
})();

/** No official data at all: the calendar of a year the package does not know (tests hide the package with it). */
export const noOfficialCalendar: OfficialCalendar = { years: () => new Set(), ruling: () => undefined };

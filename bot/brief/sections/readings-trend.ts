import { dailyTrend, trendSeries } from '../../health/trend';
import type { ChartProvider } from '../section';

/** The chart's 晨检 figure, people expected and alerts per day: the dashboard's trend, by the same functions as the brief's text. */
export const readingsTrend: ChartProvider = {
  async series({ sql, services, people }, dates) {
    const isWorkday = (date: string) => services.calendar.isWorkday(date, sql);
    return trendSeries(await dailyTrend(sql, { people, dates, timezone: services.config.timezone, isWorkday }));
  },
};

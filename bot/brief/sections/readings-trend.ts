import { dailyTrend } from '../../health/trend';
import type { ChartProvider } from '../section';

/** The chart's reports and anomalies per day, the dashboard's figures. */
export const readingsTrend: ChartProvider = {
  async series({ sql }, dates) {
    const days = await dailyTrend(sql, dates[dates.length - 1], dates.length);
    return [
      { name: '体温上报', kind: 'bar', values: days.map((d) => d.reports) },
      { name: '异常', kind: 'line', values: days.map((d) => d.anomalies) },
    ];
  },
};

import { addDays, localClock } from '../time';
import { briefMessages } from './messages';
import type { BriefContext, BriefSection, ChartProvider, ChartSeries } from './section';

/** Days the brief's chart covers, today included. */
export const CHART_DAYS = 14;

/** The brief's text: its heading, then each section that has something to say, numbered. */
export async function briefText(ctx: BriefContext, sections: BriefSection[], withChart: boolean): Promise<{ text: string; sections: number }> {
  const parts = [briefMessages.heading(ctx.local.date, localClock(ctx.now, ctx.services.config.timezone), ctx.services.config.hallName)];
  let index = 0;
  for (const section of sections) {
    const lines = await section.lines(ctx);
    if (lines === null) continue;
    parts.push('', briefMessages.section(index++, section.title), ...lines);
  }
  if (withChart) parts.push('', briefMessages.chartFollows(CHART_DAYS));
  return { text: parts.join('\n'), sections: index };
}

/** The chart's dates (oldest first) and every provider's series over them. */
export async function chartData(ctx: BriefContext, providers: ChartProvider[]): Promise<{ dates: string[]; series: ChartSeries[] }> {
  const dates = Array.from({ length: CHART_DAYS }, (_, i) => addDays(ctx.local.date, i - (CHART_DAYS - 1)));
  const series: ChartSeries[] = [];
  for (const provider of providers) series.push(...(await provider.series(ctx, dates)));
  return { dates, series };
}

import { renderTrendChart } from '../bot/brief/chart';
import { briefText, CHART_DAYS, chartData } from '../bot/brief/compose';
import { briefMessages } from '../bot/brief/messages';
import { BRIEF_SECTIONS, CHART_PROVIDERS } from '../bot/brief/sections';
import type { BriefContext } from '../bot/brief/section';
import { saveImage } from '../bot/images/store';
import type { Job } from './job';

/**
 * 17:30 on workdays: the day in one message to the leadership group for its
 * daily analysis meeting (每日分析研判会议), then the chart of the last 14
 * days as an image (SPEC §13). A chart that cannot be drawn does not hold
 * the text back.
 */
export const dailyBrief: Job = {
  name: 'daily-brief',
  cron: (config) => config.cron.dailyBrief,
  grace: { minutes: 120 },
  async run({ sql, services, now, local, log }) {
    const ctx: BriefContext = { sql, services, now, local, people: await services.directory.active() };
    const caption = briefMessages.chartCaption(CHART_DAYS, local.date, services.config.hallName);
    const png = await renderTrendChart({ title: caption, ...(await chartData(ctx, CHART_PROVIDERS)) }).catch((err: unknown) => {
      log.error({ err }, 'daily brief: the chart could not be drawn; sending the text alone');
      return null;
    });
    const { text, sections } = await briefText(ctx, BRIEF_SECTIONS, png !== null);
    const sent = await services.notifier.toLeaders(sql, text, 'summary');
    if (sent && png) await services.notifier.imageToLeaders(sql, await saveImage(sql, png, 'daily-brief', now), caption, 'summary');
    return briefMessages.done(sections, sent && png !== null);
  },
};

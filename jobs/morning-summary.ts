import { openAlerts } from '../bot/alerts/figures';
import { attendance, dayTotals } from '../bot/health/attendance';
import { checkScope, observedPeriod } from '../bot/health/health-check';
import { messages } from '../bot/messages';
import type { Job } from './job';

/** 08:45: to the leadership group, 晨检 reported / expected by window, missing names, open alerts, the anomalies and close contacts of the observation period (SPEC §5, §11). */
export const morningSummary: Job = {
  name: 'morning-summary',
  cron: (config) => config.cron.morningSummary,
  grace: { minutes: 120 },
  async run({ sql, services, local }) {
    const days = await attendance(sql, await services.directory.active(), local.date);
    const alerts = await openAlerts(sql);
    const clock = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
    const scope = checkScope(services.config, local.date);
    const observed = await observedPeriod(sql, scope);
    await services.notifier.toLeaders(sql, messages.slotSummary(`【晨检汇总】${local.date} ${clock}`, days, 'morning', alerts, observed), 'summary');
    const { expected, reported } = dayTotals(days);
    return `晨检已报 ${reported.morning}/${expected}，未处置告警 ${alerts.length} 条`;
  },
};

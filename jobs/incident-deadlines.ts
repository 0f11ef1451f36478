import { remindOverdueSteps } from '../bot/incidents/deadlines';
import { openIncidents } from '../bot/incidents/store';
import { closeDueSweeps } from '../bot/sweep/result';
import { runningSweeps } from '../bot/sweep/store';
import type { Job } from './job';

/**
 * Every 5 minutes, every day (emergencies do not wait for workdays): the
 * overdue steps of the open incidents, each reminded to its owners once and
 * escalated to the leadership group once, in one message per person and one
 * to the leaders (see remindOverdueSteps). A 全员测温 whose 30 minutes are
 * up (or whose everyone answered) sends its result, names still missing
 * included.
 */
export const incidentDeadlines: Job = {
  name: 'incident-deadlines',
  cron: (config) => config.cron.incidentDeadlines,
  grace: 'latest',
  everyDay: true,
  async run({ sql, services, now, local }) {
    const sweeps = await runningSweeps(sql);
    const swept = sweeps.length ? `；全员测温结果推送 ${await closeDueSweeps(sql, services, sweeps, now, local.date)} 次` : '';
    const open = await openIncidents(sql);
    if (open.length === 0) return `没有进行中的应急处置${swept}`;
    const run = await remindOverdueSteps(sql, services, open, now);
    return `${open.length} 起进行中：提醒 ${run.reminded} 个超时步骤（${run.messages} 条消息），上报领导小组 ${run.escalated} 个${swept}`;
  },
};

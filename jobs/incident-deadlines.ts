import { groupMembers } from '../bot/groups/members';
import { incidentMessages } from '../bot/incidents/messages';
import { marked } from '../bot/drills/mark';
import { incidentSteps, openIncidents } from '../bot/incidents/store';
import { closeDueSweeps } from '../bot/sweep/result';
import { runningSweeps } from '../bot/sweep/store';
import type { Job } from './job';

/**
 * Every 5 minutes, every day (emergencies do not wait for workdays): a step
 * past its due time reminds its owner group once; at twice its due time the
 * leadership group is told once (SPEC §11); a drill's marked 【演练】. A
 * 全员测温 whose 30 minutes are up (or whose everyone answered) sends its
 * result, names still missing included. Each is marked in the firing's
 * transaction, so instances sharing a database send it once.
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
    const groups = await groupMembers(sql);
    let reminded = 0;
    let escalated = 0;
    for (const incident of open) {
      const opened = Date.parse(incident.openedAt);
      for (const view of await incidentSteps(sql, incident, now, services.config.timezone)) {
        if (view.done || view.overdue === undefined) continue;
        const twice = opened + 2 * (Date.parse(view.dueAt) - opened);
        if (now.getTime() >= twice && (await mark(sql, incident.id, view.step, 'escalated_at', now))) {
          await services.notifier.toLeaders(sql, marked(incident, incidentMessages.twiceOverdue(incident.id, incident.subject, view)), 'alert');
          escalated += 1;
        }
        if (await mark(sql, incident.id, view.step, 'reminded_at', now)) {
          const members = groups.get(view.owner) ?? [];
          const body = marked(incident, incidentMessages.overdue(incident.id, incident.subject, view));
          if (members.length) await services.notifier.toPeople(sql, members.map((person) => ({ person, body })), 'alert');
          else await services.notifier.toLeaders(sql, body, 'alert');
          reminded += 1;
        }
      }
    }
    return `${open.length} 起进行中：提醒 ${reminded} 个超时步骤，上报领导小组 ${escalated} 个${swept}`;
  },
};

/** Marks a step's reminder or escalation as sent; false when it already was. */
async function mark(sql: Parameters<Job['run']>[0]['sql'], id: number, step: string, column: 'reminded_at' | 'escalated_at', now: Date): Promise<boolean> {
  const { changes } = await sql.run(`UPDATE incident_step SET ${column} = ? WHERE incident_id = ? AND step = ? AND ${column} IS NULL AND done_at IS NULL`, [now.toISOString(), id, step]);
  return changes > 0;
}

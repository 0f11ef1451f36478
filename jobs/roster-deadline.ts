import { rosterProgress } from '../bot/health/figures';
import { checkScope, healthFlags, observedPeriod } from '../bot/health/health-check';
import { messages } from '../bot/messages';
import type { Job } from './job';

/**
 * 16:00: to the leadership group, the next workday's rosters by window with
 * head counts, closed and missing windows, the rostered people the health
 * cross-check flags, and the anomalies and close contacts still in their
 * observation period; a 逾期 message to each lead whose window is missing
 * (SPEC §5, §11).
 */
export const rosterDeadline: Job = {
  name: 'roster-deadline',
  cron: (config) => config.cron.rosterDeadline,
  grace: { minutes: 120 },
  async run({ sql, services, local }) {
    const next = await services.calendar.nextWorkday(local.date, sql);
    const people = await services.directory.active();
    const byId = new Map(people.map((p) => [p.id, p]));
    const { rosters, missing } = await rosterProgress(sql, people, next);
    const rostered = rosters.flatMap((r) => r.staffIds);
    const scope = checkScope(services.config, local.date);
    const observed = await observedPeriod(sql, scope);
    const flags = await healthFlags(sql, rostered, scope, observed);
    const flagged = [...new Set(rostered)]
      .filter((id) => flags.has(id))
      .map((id) => ({ name: byId.get(id)?.name ?? `#${id}`, window: byId.get(id)?.window ?? '', flags: flags.get(id)! }));
    const facts = rosters.map((r) => ({ window: r.window, date: next, closed: r.closed, late: r.late, names: r.staffIds.map((id) => byId.get(id)?.name ?? `#${id}`) }));
    await services.notifier.toLeaders(sql, messages.rosterDeadlineSummary(next, facts, missing, flagged, observed), 'summary');
    const overdue = people.filter((p) => p.role === 'lead' && missing.includes(p.window));
    await services.notifier.toPeople(sql, overdue.map((lead) => ({ person: lead, body: messages.rosterOverdue(lead.window, next) })), 'notice');
    return `${next} 排班：已提交 ${rosters.length} 个窗口，未提交 ${missing.length} 个，需关注 ${flagged.length} 人`;
  },
};

import { healthFlags } from '../bot/health-check';
import { messages } from '../bot/messages';
import { currentRosters, rosterWindows } from '../bot/rosters';
import type { Job } from './job';

/**
 * 16:00: to the leadership group, the next workday's rosters by window with
 * head counts, closed and missing windows, and the rostered people the health
 * cross-check flags; a 逾期 message to each lead whose window is missing (SPEC §5).
 */
export const rosterDeadline: Job = {
  name: 'roster-deadline',
  cron: (config) => config.cron.rosterDeadline,
  grace: { minutes: 120 },
  async run({ sql, services, local }) {
    const next = await services.calendar.nextWorkday(local.date, sql);
    const people = await services.directory.active();
    const byId = new Map(people.map((p) => [p.id, p]));
    const rosters = await currentRosters(sql, next);
    const submitted = new Set(rosters.map((r) => r.window));
    const missing = rosterWindows(people).filter((w) => !submitted.has(w));
    const rostered = rosters.flatMap((r) => r.staffIds);
    const flags = await healthFlags(sql, rostered, local.date, services.config.thresholds.fever);
    const flagged = [...new Set(rostered)]
      .filter((id) => flags.has(id))
      .map((id) => ({ name: byId.get(id)?.name ?? `#${id}`, window: byId.get(id)?.window ?? '', flags: flags.get(id)! }));
    const facts = rosters.map((r) => ({ window: r.window, date: next, closed: r.closed, late: r.late, names: r.staffIds.map((id) => byId.get(id)?.name ?? `#${id}`) }));
    await services.notifier.toLeaders(sql, messages.rosterDeadlineSummary(next, facts, missing, flagged), 'summary');
    const overdue = people.filter((p) => p.role === 'lead' && missing.includes(p.window));
    await services.notifier.toPeople(sql, overdue.map((lead) => ({ person: lead, body: messages.rosterOverdue(lead.window, next) })), 'notice');
    return `${next} 排班：已提交 ${rosters.length} 个窗口，未提交 ${missing.length} 个，需关注 ${flagged.length} 人`;
  },
};


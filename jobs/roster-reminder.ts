import { rosterProgress } from '../bot/health/figures';
import { messages } from '../bot/messages';
import type { Job } from './job';

/** 15:00: each lead whose window has no roster yet for the next workday is reminded (SPEC §5). */
export const rosterReminder: Job = {
  name: 'roster-reminder',
  cron: (config) => config.cron.rosterReminder,
  grace: { minutes: 60 },
  async run({ sql, services, local }) {
    const next = await services.calendar.nextWorkday(local.date, sql);
    const people = await services.directory.active();
    const { missing } = await rosterProgress(sql, people, next);
    const leads = people.filter((p) => p.role === 'lead' && missing.includes(p.window));
    const told = await services.notifier.toPeople(sql, leads.map((lead) => ({ person: lead, body: messages.rosterReminder(lead.window, next) })), 'nudge');
    return `${missing.length} 个窗口未提交 ${next} 排班，提醒 ${told} 位负责人`;
  },
};

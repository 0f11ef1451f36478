import { attendance, missing } from '../bot/health/attendance';
import { messages } from '../bot/messages';
import type { Job } from './job';

/**
 * 07:30: a message to each person expected today with no 晨检 yet (SPEC §5).
 * The text is the same for everyone, so the outbox sends it in as few platform
 * calls as each platform allows (WeCom 1000 people a call, DingTalk 20).
 */
export const morningNudge: Job = {
  name: 'morning-nudge',
  cron: (config) => config.cron.morningNudge,
  grace: { minutes: 120 },
  async run({ sql, services, local }) {
    const days = await attendance(sql, await services.directory.active(), local.date);
    const body = messages.morningNudge(local.date);
    const sent = await services.notifier.toPeople(sql, days.flatMap((day) => missing(day, 'morning').map((person) => ({ person, body }))), 'nudge');
    return `提醒 ${sent} 人晨检`;
  },
};

import { attendance, missing } from '../bot/attendance';
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
    let sent = 0;
    for (const day of days) {
      for (const person of missing(day, 'morning')) {
        if (await services.notifier.toPerson(sql, person, body, 'nudge')) sent += 1;
      }
    }
    return `提醒 ${sent} 人晨检`;
  },
};

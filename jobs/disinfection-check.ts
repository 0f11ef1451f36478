import { disinfectionMessages } from '../bot/disinfection/messages';
import { CHECK_AFTER_MINUTES, clockOf, roundAt, roundCrons } from '../bot/disinfection/plan';
import { roundsToday } from '../bot/disinfection/rounds';
import type { Job } from './job';

/**
 * 45 minutes after each round, on workdays (SPEC §13): the areas of that round
 * not logged go to the leadership group; nothing is sent when all were.
 */
export const disinfectionCheck: Job = {
  name: 'disinfection-check',
  cron: (config) => roundCrons(config.disinfection.rounds, CHECK_AFTER_MINUTES),
  grace: { minutes: 120 },
  async run({ sql, services, local }) {
    const plan = services.config.disinfection;
    const round = roundAt(plan.rounds, local.hour * 60 + local.minute - CHECK_AFTER_MINUTES);
    const { missing } = (await roundsToday(sql, local.date, plan)).find((r) => r.round === round)!;
    if (missing.length === 0) return `${round} 轮次各区域均已消杀`;
    const at = clockOf(local.hour * 60 + local.minute);
    await services.notifier.toLeaders(sql, disinfectionMessages.missed({ date: local.date, round, missing, total: plan.areas.length, at }), 'summary');
    return `${round} 轮次未登记 ${missing.length} 个区域，已报领导小组`;
  },
};

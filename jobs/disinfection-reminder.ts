import { disinfectionMessages } from '../bot/disinfection/messages';
import { roundAt, roundCrons } from '../bot/disinfection/plan';
import { DISINFECTION_GROUP, roundsToday } from '../bot/disinfection/rounds';
import { groupMembers } from '../bot/groups/members';
import type { Job } from './job';

/**
 * At each round of DISINFECTION_ROUNDS, on workdays (SPEC §13): the members of
 * 消毒防疫组 get the areas of the round not yet logged; a group without
 * members leaves it to the leadership group. Its schedule is the round times
 * themselves, so each round is its own firing in the ledger.
 */
export const disinfectionReminder: Job = {
  name: 'disinfection-reminder',
  cron: (config) => roundCrons(config.disinfection.rounds),
  grace: { minutes: 30 },
  async run({ sql, services, local }) {
    const plan = services.config.disinfection;
    const round = roundAt(plan.rounds, local.hour * 60 + local.minute);
    const { missing } = (await roundsToday(sql, local.date, plan)).find((r) => r.round === round)!;
    if (missing.length === 0) return `${round} 轮次各区域已登记，无需提醒`;
    const members = (await groupMembers(sql)).get(DISINFECTION_GROUP) ?? [];
    const body = disinfectionMessages.reminder({ date: local.date, round, areas: missing, toLeaders: members.length === 0 });
    if (members.length === 0) {
      await services.notifier.toLeaders(sql, body, 'nudge');
      return `${round} 轮次：${DISINFECTION_GROUP}无成员，提醒领导小组 ${missing.length} 个区域`;
    }
    const told = await services.notifier.toPeople(sql, members.map((person) => ({ person, body })), 'nudge');
    return `${round} 轮次：提醒 ${told} 人，${missing.length} 个区域`;
  },
};

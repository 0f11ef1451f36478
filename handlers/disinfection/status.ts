import { EVERYONE, type Command } from '../../bot/command';
import { disinfectionMessages } from '../../bot/disinfection/messages';
import { begunRounds, roundsToday } from '../../bot/disinfection/rounds';
import { asksRounds } from './phrasing';

/**
 * `消杀状态` (SPEC §13), and the questions that mean it (`今天消杀情况`,
 * `哪些区域还没消杀`): today's rounds by area — who did each and when, and
 * what is missing.
 */
export const disinfectionStatusCommand: Command = {
  name: '消杀状态',
  keywords: ['消杀状态', '消杀情况', '消杀进度', '消杀记录', '消毒状态', '消毒情况', '消毒进度', '消毒记录'],
  roles: EVERYONE,
  accepts: asksRounds,
  help: '消杀状态：发送「消杀状态」或「今天消杀情况」查看今日各轮次各区域的消杀情况',
  async run({ sql, services, local }) {
    const rounds = await roundsToday(sql, local.date, services.config.disinfection);
    const begun = begunRounds(rounds, local.hour * 60 + local.minute);
    const workday = await services.calendar.isWorkday(local.date, sql);
    return disinfectionMessages.status({ date: local.date, workday, rounds, begun, timezone: services.config.timezone });
  },
};

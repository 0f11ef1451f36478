import { EVERYONE, type Command, type CommandContext } from '../../bot/command';
import { disinfectionMessages as say } from '../../bot/disinfection/messages';
import { roundAt } from '../../bot/disinfection/plan';
import { areaNamed, DISINFECTION_GROUP, logAreas, roundsToday } from '../../bot/disinfection/rounds';
import { UserError } from '../../bot/errors';
import { mayActFor } from '../../bot/groups/members';
import { recordProgress } from '../../bot/incidents/progress';
import { localClock } from '../../bot/time';

/** `消杀 12 已消毒`: a number first is the 消杀 step of incident 12 (SPEC §11), not an area. */
const INCIDENT_FIRST = /^#?(\d{1,9})(?:\s+|$)([\s\S]*)$/;
const ALL = new Set(['全部', '所有', '全部区域']);

/**
 * `消杀 网办区 完成`, `消杀 全部`, `消杀 会议室 第三会议室会后消毒` (SPEC §13):
 * a member of 消毒防疫组 or a leader logs areas done in the current round —
 * the latest round time that has passed (before the first: the first). A place
 * not in DISINFECTION_AREAS is an ad-hoc entry and needs a word on what was done.
 */
export const disinfectionCommand: Command = {
  name: '消杀',
  keywords: ['消杀'],
  roles: EVERYONE,
  help: '消杀：消杀 网办区 完成；消杀 全部；消杀 会议室 第三会议室会后消毒（消毒防疫组、领导小组）',
  async run(ctx: CommandContext) {
    const { sql, services, sender, args, now, local } = ctx;
    const incident = INCIDENT_FIRST.exec(args);
    if (incident) return recordProgress(sql, services, { idText: incident[1], stepWord: '消杀', note: incident[2].trim(), by: sender, now });
    const plan = services.config.disinfection;
    const [word, ...rest] = args.split(/\s+/).filter(Boolean);
    if (!word) throw new UserError(say.usage(plan.areas));
    if (!(await mayActFor(sql, DISINFECTION_GROUP, sender))) throw new UserError(say.notAllowed());
    const note = rest.join(' ');
    const round = roundAt(plan.rounds, local.hour * 60 + local.minute);
    const at = localClock(now, services.config.timezone);
    const current = async () => (await roundsToday(sql, local.date, plan)).find((r) => r.round === round)!;
    const before = await current();
    const base = { date: local.date, round, byId: sender.id, at: now };

    if (ALL.has(word)) {
      if (before.missing.length === 0) return say.allAlready(round);
      await logAreas(sql, { ...base, areas: before.missing, routine: true, note: note || '完成' });
      return say.logged({ areas: before.missing, round, at, left: [] });
    }
    const area = areaNamed(plan, word);
    if (area) {
      const done = before.done.find((d) => d.area === area);
      if (done) return say.alreadyLogged(area, round, done, services.config.timezone);
      await logAreas(sql, { ...base, areas: [area], routine: true, note: note || '完成' });
      return say.logged({ areas: [area], round, at, left: (await current()).missing });
    }
    if (!note || word.length > 32) throw new UserError(say.notArea(word, plan.areas));
    await logAreas(sql, { ...base, areas: [word], routine: false, note });
    return say.loggedAdHoc({ area: word, note, at });
  },
};

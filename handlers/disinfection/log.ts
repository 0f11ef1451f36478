import { EVERYONE, LEADERS, type Command, type CommandContext } from '../../bot/command';
import { matchArea } from '../../bot/disinfection/areas';
import { disinfectionMessages as say } from '../../bot/disinfection/messages';
import { roundAt } from '../../bot/disinfection/plan';
import { DISINFECTION_GROUP, logAreas, roundsToday } from '../../bot/disinfection/rounds';
import { UserError } from '../../bot/errors';
import { mayActFor } from '../../bot/groups/members';
import { recordProgress } from '../../bot/incidents/progress';
import { normaliseTracked, typedSpan } from '../../bot/normalise';
import { localClock } from '../../bot/time';
import { numberFirst, startsLikeNumber, typedNote } from '../incidents/args';
import { asksAfterKeyword, placeFirst, splitGluedDone } from './phrasing';
import { disinfectionStatusCommand } from './status';

const ALL = new Set(['全部', '所有', '全部区域', '所有区域']);

/**
 * `消杀 网办区 完成`, `消杀 全部`, `消杀 会议室 第三会议室会后消毒` (SPEC §13):
 * a member of 消毒防疫组 or a leader logs areas done in the current round —
 * the latest round time that has passed (before the first: the first). A
 * number first is the 消杀 step of that incident (`消杀 12 已消毒`, SPEC §11);
 * a question (`消杀 情况`) is `消杀状态`.
 */
export const disinfectionCommand: Command = {
  name: '消杀',
  keywords: ['消杀'],
  roles: EVERYONE,
  listedFor: LEADERS,
  groups: () => [DISINFECTION_GROUP],
  help: ({ config }) =>
    `消杀：消杀 ${config.disinfection.areas[0]} 完成；消杀 全部；消杀 会议室 第三会议室会后消毒（区域在前也可：${config.disinfection.areas.at(-1)}消杀完毕；消毒防疫组、领导小组）`,
  async run(ctx: CommandContext) {
    const { args } = ctx;
    if (asksAfterKeyword(args)) return disinfectionStatusCommand.run(ctx);
    const incident = numberFirst(args);
    if (incident) return recordProgress(ctx.sql, ctx.services, { idText: String(incident.id), stepWord: '消杀', note: typedNote(ctx, incident.rest), by: ctx.sender, now: ctx.now });
    if (startsLikeNumber(args)) throw new UserError(say.usage(ctx.services.config.disinfection));
    const words = args.split(/\s+/).filter(Boolean);
    if (words.length === 0) throw new UserError(say.usage(ctx.services.config.disinfection));
    // `消杀 税务区 网办区 完成`: the leading words that each name an area (or several, to ask which) are the places, the rest the note.
    const plan = ctx.services.config.disinfection;
    const areas = words.findIndex((w) => matchArea(plan, w).kind === 'none');
    const count = Math.max(1, areas === -1 ? words.length : areas);
    const places = words.slice(0, count);
    const rest = words.slice(count).join(' ');
    const glued = rest || count > 1 ? undefined : splitGluedDone(places[0]);
    return logPlaces(ctx, glued ? [glued.place] : places, glued ? '' : rest, glued?.note ?? rest);
  },
};

/**
 * `税务区消杀完毕`, `便民服务区已消杀`, `税务区 已消毒 擦拭柜台`: the same
 * log with the place first; for a place that is no area, what was said is its note.
 */
export const placeFirstCommand: Command = {
  name: '消杀',
  keywords: [],
  roles: EVERYONE,
  accepts: (text) => placeFirst(text) !== undefined,
  help: '',
  async run(ctx) {
    const said = placeFirst(ctx.text)!;
    return logPlaces(ctx, said.places, said.more, said.said);
  },
};

/**
 * Logs places in the current round: every area not yet logged (全部), the
 * configured areas named by their names, aliases or parts of their names, or
 * — only when a single place names none — an ad-hoc place, which needs a word
 * on what was done. A word naming several areas is asked about. `note` is
 * what was said about routine areas (a tail of the text, may be empty);
 * `adHocNote` about a place of its own.
 */
async function logPlaces(ctx: CommandContext, places: string[], note: string, adHocNote: string): Promise<string> {
  const { sql, services, sender, now, local } = ctx;
  const plan = services.config.disinfection;
  if (!(await mayActFor(sql, DISINFECTION_GROUP, sender))) throw new UserError(say.notAllowed());
  const round = roundAt(plan.rounds, local.hour * 60 + local.minute);
  const at = localClock(now, services.config.timezone);
  const current = async () => (await roundsToday(sql, local.date, plan)).find((r) => r.round === round)!;
  const base = { date: local.date, round, byId: sender.id, at: now };
  const before = await current();

  if (places.length === 1 && ALL.has(places[0])) {
    if (before.missing.length === 0) return say.allAlready(round);
    await logAreas(sql, { ...base, areas: before.missing, routine: true, note: typedNote(ctx, note) || '完成' });
    return say.logged({ areas: before.missing, round, at, left: [] });
  }
  const areas: string[] = [];
  for (const place of places) {
    const match = matchArea(plan, place);
    if (match.kind === 'several') throw new UserError(say.whichArea(place, match.areas));
    if (match.kind === 'none' && places.length === 1) return logAdHoc(ctx, place, adHocNote, base);
    if (match.kind === 'none') throw new UserError(say.notArea(place, plan));
    if (!areas.includes(match.area)) areas.push(match.area);
  }
  // An area already logged this round says by whom; the others are logged.
  const done = before.done.filter((d) => areas.includes(d.area));
  const already = done.map((d) => say.alreadyLogged(d.area, round, d, services.config.timezone));
  const fresh = areas.filter((a) => !done.some((d) => d.area === a));
  if (fresh.length === 0) return already.join('\n');
  await logAreas(sql, { ...base, areas: fresh, routine: true, note: typedNote(ctx, note) || '完成' });
  return [say.logged({ areas: fresh, round, at, left: (await current()).missing }), ...already].join('\n');
}

/** A place that names no area nor alias, logged apart with what was done there — both as typed. */
async function logAdHoc(ctx: CommandContext, place: string, note: string, base: { date: string; round: string; byId: number; at: Date }): Promise<string> {
  const plan = ctx.services.config.disinfection;
  if (!note || place.length > 32) throw new UserError(say.notArea(place, plan));
  const typed = typedNote(ctx, note);
  const where = typedPlace(ctx, place);
  await logAreas(ctx.sql, { ...base, areas: [where], routine: false, note: typed });
  return say.loggedAdHoc({ area: where, note: typed, at: localClock(ctx.now, ctx.services.config.timezone), plan });
}

/** An ad-hoc place as typed (`会议室（3楼）`, not `会议室(3楼)`): its first word after the command's keyword. */
function typedPlace(ctx: CommandContext, place: string): string {
  const tracked = normaliseTracked(ctx.message.text);
  const start = tracked.text.indexOf(place, tracked.text.length - ctx.args.length);
  return start < 0 ? place : typedSpan(ctx.message.text, tracked, start, place) || place;
}

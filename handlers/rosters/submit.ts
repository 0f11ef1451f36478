import { LEADS, type Command, type CommandContext } from '../../bot/command';
import type { Directory, Person } from '../../bot/directory/directory';
import { UserError } from '../../bot/errors';
import { checkScope, healthFlags } from '../../bot/health/health-check';
import { messages } from '../../bot/messages';
import { saveRoster } from '../../bot/rosters/rosters';
import { chatScope } from '../../bot/scope/scope';
import { monthDay } from '../../bot/text';
import { addDays, localClock, localIso, zonedInstant } from '../../bot/time';
import { parseRosterDate } from './dates';

const CLOSED_WORDS = ['不开放', '休息', '无', '关闭', '不营业', '暂停', '暂停开放', '不排班', '放假', '无人'];
const MAX_DAYS_AHEAD = 14;
/** The most people one roster message may name: more than any window has, few enough to answer at once. */
export const MAX_NAMES = 200;
/** Keywords that mean the next workday; `排班` alone needs a date. */
const NEXT_WORKDAY = new Set(['明日排班', '明天排班', '明日的排班', '明天的排班', '次日排班', '明日上岗', '明天上岗', '明日值班', '明天值班', '下一工作日排班', 'roster']);
/** Between a date or window and the names: `排班 12月8日：张伟`. */
const SEPARATOR = /^[\s:=,]+/;

/** The roster's date: the next workday for 明日排班 and its synonyms or `排班 张三 …`, else the date written first. */
async function rosterDate(ctx: CommandContext): Promise<{ date: string; rest: string }> {
  const { keyword, args, local, services, sql } = ctx;
  const startsWithName = async () => (await services.directory.findByName(args.split(/[\s:=]/)[0])).length > 0;
  if (NEXT_WORKDAY.has(keyword) || (await startsWithName())) return { date: await services.calendar.nextWorkday(local.date, sql), rest: args };
  const parsed = parseRosterDate(args, local.date);
  if (!parsed) throw new UserError(args ? messages.rosterBadDate(args.split(' ')[0]) : messages.rosterUsage());
  return { date: parsed.date, rest: args.slice(parsed.length).replace(SEPARATOR, '').trim() };
}

/**
 * The window the roster is for: a lead's own; for a leader the one named first,
 * else the one window every name belongs to, else their own if it keeps a roster.
 */
async function rosterWindow(sender: Person, tokens: string[], directory: Directory): Promise<string> {
  const known = await directory.windows();
  const named = tokens[0] && (known.has(tokens[0]) || /窗口$/.test(tokens[0])) ? tokens.shift()! : undefined;
  if (named && !known.has(named)) throw new UserError(messages.rosterUnknownWindow(named));
  const own = chatScope(sender).window;
  if (own !== undefined) {
    if (named && named !== own) throw new UserError(messages.rosterOwnWindowOnly(own, named));
    return own;
  }
  if (named) return named;
  const inferred = await commonWindow(tokens, directory);
  if (inferred) return inferred;
  if ((await directory.rosterWindows()).includes(sender.window)) return sender.window;
  throw new UserError(messages.rosterNeedsWindow());
}

/** The one window that has someone of every name, if there is exactly one (one index lookup a name). */
async function commonWindow(names: string[], directory: Directory): Promise<string | undefined> {
  if (names.length === 0 || (names.length === 1 && CLOSED_WORDS.includes(names[0]))) return undefined;
  const windowsOf = async (name: string) => new Set((await directory.findByName(name)).filter((p) => p.window).map((p) => p.window));
  const [first, ...others] = await Promise.all(names.map(windowsOf));
  const common = [...first].filter((w) => others.every((set) => set.has(w)));
  return common.length === 1 ? common[0] : undefined;
}

/**
 * The names of a roster: split by spaces and colons; `张三和李四` split at 和/与/及
 * when the whole is no one's name. The count is capped before any name is
 * looked up: a message of thousands of names costs no more than its refusal.
 */
async function rosterNames(rest: string, directory: Directory): Promise<string[]> {
  const tokens = rest.split(/[\s:=]+/).filter(Boolean);
  // A leader may write the window first: it is not a name.
  const names = tokens.length - (/窗口$/.test(tokens[0] ?? '') ? 1 : 0);
  if (names > MAX_NAMES) throw new UserError(messages.rosterTooManyNames(names, MAX_NAMES));
  const split: string[] = [];
  for (const token of tokens) {
    if (!/[和与及]/.test(token) || (await directory.findByName(token)).length > 0) split.push(token);
    else split.push(...token.split(/[和与及]/).filter(Boolean));
  }
  return split;
}

/**
 * Each name to one active person, by the directory's name index (one lookup a
 * name, whatever the size of the hall): unknown names reject the whole roster;
 * a namesake in the roster's window wins.
 */
async function resolveNames(names: string[], directory: Directory, window: string): Promise<Person[]> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of names) (seen.has(name) ? duplicates : seen).add(name);
  if (duplicates.size) throw new UserError(messages.rosterDuplicateNames([...duplicates]));
  const found = await Promise.all(names.map((name) => directory.findByName(name)));
  const unknown = names.filter((_, i) => found[i].length === 0);
  if (unknown.length) throw new UserError(messages.rosterUnknownNames(unknown));
  return names.map((name, i) => {
    const mine = found[i].filter((p) => p.window === window);
    const pick = mine.length ? mine : found[i];
    if (pick.length > 1) throw new UserError(messages.rosterAmbiguous(name, pick.map((p) => p.window || '未分配窗口')));
    return pick[0];
  });
}

/**
 * `明日排班 张三 李四`, `排班 11月24日 张三、李四`, `明日排班 不开放`,
 * `明日排班 3号窗口 张三` (SPEC §3.3): checked against the directory, the work
 * calendar and the 16:00 deadline of the workday before; a resubmission
 * before the deadline replaces the roster, after it is marked 逾期 and the
 * leadership group is told at once.
 */
export const submitRosterCommand: Command = {
  name: '排班',
  keywords: [...NEXT_WORKDAY, '排班'],
  roles: LEADS,
  help: ({ person, sample }) => {
    const names = sample.names.join(' ');
    return person.role === 'lead'
      ? `排班：明日排班 ${names}（下一工作日，本窗口）；排班 下周一 ${sample.names.join('、')}；明日排班 不开放`
      : `排班：明日排班 ${sample.window} ${names}（下一工作日，写明窗口）；排班 下周一 ${sample.window} ${sample.names[0]}；明日排班 ${sample.window} 不开放`;
  },
  async run(ctx) {
    const { sql, sender, services, local, now } = ctx;
    const { date, rest } = await rosterDate(ctx);
    const { directory } = services;
    const tokens = await rosterNames(rest, directory);
    const window = await rosterWindow(sender, tokens, directory);
    if (tokens.length > MAX_NAMES) throw new UserError(messages.rosterTooManyNames(tokens.length, MAX_NAMES));
    const closed = tokens.length === 1 && CLOSED_WORDS.includes(tokens[0]);
    if (!closed && tokens.length === 0) throw new UserError(messages.rosterUsage());

    if (date < local.date) throw new UserError(messages.rosterPastDate(date));
    if (date > addDays(local.date, MAX_DAYS_AHEAD)) throw new UserError(messages.rosterTooFar(date));
    if (!(await services.calendar.isWorkday(date, sql))) throw new UserError(messages.rosterNotWorkday(date));
    const staff = closed ? [] : await resolveNames(tokens, directory, window);

    const tz = services.config.timezone;
    const deadlineDay = await services.calendar.previousWorkday(date, sql);
    const deadline = zonedInstant(deadlineDay, 16, 0, tz);
    const late = now.getTime() >= deadline.getTime();
    const { replaced } = await saveRoster(sql, { date, window, closed, staffIds: staff.map((p) => p.id), submittedBy: sender.id, late, at: now });

    const facts = { window, date, names: staff.map((p) => p.name), closed, late, submittedBy: sender.name };
    if (late) await services.notifier.toLeaders(sql, messages.rosterLateNotice(facts, localIso(now, tz).slice(5, 16).replace('T', ' ')), 'notice');
    const chosen = new Set(staff.map((p) => p.id));
    const previous = new Set(replaced ?? []);
    const flags = await healthFlags(sql, staff.map((p) => p.id), checkScope(services.config, local.date));
    return messages.rosterSaved(facts, {
      replaced: replaced !== null,
      added: staff.filter((p) => !previous.has(p.id)).map((p) => p.name),
      removed: await namesOf((replaced ?? []).filter((id) => !chosen.has(id)), directory),
      otherWindow: staff.filter((p) => p.window !== window).map((p) => ({ name: p.name, window: p.window })),
      flagged: staff.filter((p) => flags.has(p.id)).map((p) => ({ name: p.name, window: p.window, flags: flags.get(p.id)! })),
      deadline: `${monthDay(deadlineDay)} ${localClock(deadline, tz)}`,
    });
  },
};

/** The names of people by id, from the directory ("#id" for one no longer in it). */
async function namesOf(ids: number[], directory: Directory): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await directory.findById(id))?.name ?? `#${id}`));
}

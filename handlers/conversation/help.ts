import { EVERYONE, type Command, type HelpReader, type Services } from '../../bot/command';
import type { Sql } from '../../bot/db/database';
import type { Person } from '../../bot/directory/directory';
import { stepOwners } from '../../bot/incidents/owners';
import { ROLE_LABEL } from '../../bot/labels';
import type { Role } from '../../entities';
import { commandStarts, examplesIn } from './examples';

/** What each role sends most, first in its `帮助` (a guard registers visitors all day); the rest follow in the catalogue's order. */
const MOST_USED: Record<Role, string[]> = {
  guard: ['访客登记', '今日访客', '体温上报', '我的记录'],
  staff: ['体温上报', '我的记录'],
  lead: ['体温上报', '代报', '排班', '排班状态', '今日统计', '我的记录', '看板'],
  leader: ['今日统计', '处置', '应急', '进展', '密接', '启动应急', '结案', '全员测温', '看板', '体温上报', '代报', '排班', '排班状态'],
  admin: ['今日统计', '处置', '应急', '进展', '密接', '启动应急', '结案', '全员测温', '看板', '体温上报', '代报', '排班', '排班状态'],
};

/** Who is asking, as `帮助` needs to know them: their working groups, each step's owner, the next workday. */
export async function helpReader(sql: Sql, services: Services, person: Person, today: string): Promise<HelpReader> {
  const rows = await sql.all<{ group_name: string }>('SELECT group_name FROM group_member WHERE staff_id = ?', [person.id]);
  return {
    person,
    groups: new Set(rows.map((r) => r.group_name)),
    owners: await stepOwners(sql),
    config: services.config,
    nextWorkday: await services.calendar.nextWorkday(today, sql),
    sample: await sampleWindow(services, person),
    open: await openNumbers(sql),
  };
}

/** The latest open alert and incident, so that an example names one that can be acted on; 12 when there is none. */
async function openNumbers(sql: Sql): Promise<HelpReader['open']> {
  const [row] = await sql.all<{ alert: unknown; incident: unknown }>(
    `SELECT (SELECT max(id) FROM alert WHERE status = 'open' AND subject_kind <> 'drill') AS alert,
            (SELECT max(id) FROM incident WHERE status = 'open' AND subject_kind <> 'drill') AS incident`,
  );
  return { alert: Number(row.alert ?? 12), incident: Number(row.incident ?? 12) };
}

/**
 * The window the reader's examples name (代报, 排班), with up to two people in
 * it: a lead's own colleagues, else the first window of the hall's staff.
 */
async function sampleWindow(services: Services, person: Person): Promise<HelpReader['sample']> {
  const people = (await services.directory.active()).filter((p) => p.window && (p.role === 'staff' || p.role === 'lead'));
  const windows = [...new Set(people.map((p) => p.window))].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  const window = person.role === 'lead' && person.window ? person.window : (windows[0] ?? '1号窗口');
  const names = people
    .filter((p) => p.window === window && p.id !== person.id)
    .map((p) => p.name)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .slice(0, 2);
  return { window, names: names.length ? names : ['张三'] };
}

/**
 * Whether `帮助` lists a command for this reader: their role may use it
 * (`listedFor`, else `roles`), or it belongs to a working group they are in.
 */
export function listedFor(command: Command, reader: HelpReader): boolean {
  const { role } = reader.person;
  if (!command.help || !command.roles.includes(role)) return false;
  if ((command.listedFor ?? command.roles).includes(role)) return true;
  return (command.groups?.(reader.owners) ?? []).some((g) => reader.groups.has(g));
}

/** The commands this reader may use, most used first. */
export function commandsFor(commands: Command[], reader: HelpReader): Command[] {
  const first = MOST_USED[reader.person.role];
  const rank = (c: Command) => (first.includes(c.name) ? first.indexOf(c.name) : first.length);
  return commands
    .filter((c) => listedFor(c, reader))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

/** A command's line in `帮助` for this reader. */
export function helpLine(command: Command, reader: HelpReader): string {
  return typeof command.help === 'function' ? command.help(reader) : command.help;
}

/** How many examples the simulator offers as chips: a leader may use two dozen commands. */
const CHIPS = 12;

/** The examples of this reader's help, one per command, the most used commands' first (the simulator's chips). */
export function helpExamples(commands: Command[], reader: HelpReader): string[] {
  const starts = commandStarts(commands);
  return commandsFor(commands, reader)
    .flatMap((c) => examplesIn(helpLine(c, reader), starts).slice(0, 1))
    .slice(0, CHIPS);
}

/** `帮助`: the commands the sender's role and working groups may use, most used first, each with an example. */
export function helpCommand(commands: () => Command[]): Command {
  const self: Command = {
    name: '帮助',
    keywords: ['帮助', 'help', '?', '菜单', '用法', '使用说明', '说明', '怎么用', '如何使用', '指令', '命令', '功能'],
    roles: EVERYONE,
    help: '帮助：发送「帮助」查看本说明',
    groupSafe: true,
    async run({ sql, services, sender, local }) {
      const reader = await helpReader(sql, services, sender, local.date);
      const lines = commandsFor([...commands(), self], reader).map((c) => `· ${helpLine(c, reader)}`);
      return [`${sender.name}（${ROLE_LABEL[sender.role]}）可用的命令：`, ...lines].join('\n');
    },
  };
  return self;
}

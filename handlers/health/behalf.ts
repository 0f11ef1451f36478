import { LEADS, type Command, type CommandContext } from '../../bot/command';
import type { Person } from '../../bot/directory/directory';
import { UserError } from '../../bot/errors';
import { messages } from '../../bot/messages';
import { parseBehalf } from './grammar';
import { problemError } from './problems';
import { withNotes } from './report';
import { saveReport } from './save-report';
import { BEHALF_WORDS } from './vocabulary';

/** `代报 张三 36.5 绿码` (SPEC §3.2): a lead for their own window, a leader for anyone. */
export const behalfCommand: Command = {
  name: '代报',
  keywords: BEHALF_WORDS,
  roles: LEADS,
  help: ({ sample }) => `代报：代报 ${sample.names[0]} 36.5 绿码（窗口负责人限本窗口人员）`,
  async run(ctx) {
    const parsed = parseBehalf(ctx.text, { today: ctx.local.date });
    if (parsed.kind !== 'behalf') throw problemError(parsed);
    const subject = await resolveSubject(ctx, parsed.name);
    return withNotes(await saveReport(ctx, subject, parsed.report), parsed.report);
  },
};

/** The one active person the sender may report for under that name. */
async function resolveSubject(ctx: CommandContext, name: string): Promise<Person> {
  const named = await ctx.services.directory.findByName(name);
  if (named.length === 0) throw new UserError(messages.unknownPerson(name));
  const { sender } = ctx;
  const allowed = sender.role === 'lead' ? named.filter((p) => p.window === sender.window && p.window !== '') : named;
  if (allowed.length === 0) throw new UserError(messages.notOwnWindow(name, named[0].window));
  if (allowed.length > 1) throw new UserError(messages.ambiguousPerson(name, allowed.map((p) => p.window || '未分配窗口')));
  return allowed[0];
}

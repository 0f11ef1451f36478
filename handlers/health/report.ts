import { EVERYONE, type Command, type CommandContext } from '../../bot/command';
import { drillAwaitingAnswer, recordDrillReading } from '../../bot/drills/readings';
import { UserError } from '../../bot/errors';
import { answerDrillSweep, drillSweepAwaiting, pendingSweep } from '../../bot/sweep/answer';
import { nothingWaits } from '../../bot/sweep/quiet';
import { messages } from '../../bot/messages';
import type { Person } from '../../bot/directory/directory';
import { looksLikeReport, parseReport, type ParsedReport } from './grammar';
import { problemError } from './problems';
import { saveReport } from './save-report';

/**
 * The temperature report (SPEC §3.1): any text with a number that names no other
 * command, and `更正 36.6`.
 */
export const reportCommand: Command = {
  name: '体温上报',
  keywords: ['更正', '改正', '纠正', '订正', 'correct'],
  roles: EVERYONE,
  accepts: looksLikeReport,
  help: '上报体温：晨检 36.5 绿码 无症状（时段、健康码、症状可省略；同一时段再发为复测，每次都保留；发错了请发「更正 36.6」）',
  async run(ctx) {
    const parsed = parseReport(ctx.text, { today: ctx.local.date });
    if (parsed.kind !== 'report') throw problemError(parsed);
    // A drill contact's first reading with no slot named answers the drill's ask (or its 全员测温's): kept apart, never a report (SPEC §11).
    const plain = !parsed.slot && !parsed.correction;
    const quiet = plain || parsed.slot === 'extra' ? await nothingWaits(ctx.sql) : undefined;
    const drill = plain && !quiet ? ((await drillAwaitingAnswer(ctx.sql, ctx.sender.id)) ?? (await drillSweepAwaiting(ctx.sql, ctx.sender.id))) : undefined;
    // A real 全员测温 waiting for the sender comes first: saveReport takes the reading as its 加测.
    if (drill && !(await pendingSweep(ctx.sql, ctx.sender.id, 'live'))) {
      const reply = await recordDrillReading(ctx.sql, { drill, staffId: ctx.sender.id, reading: parsed, now: ctx.now });
      const swept = await answerDrillSweep(ctx.sql, ctx.services, { staffId: ctx.sender.id, now: ctx.now, today: ctx.local.date });
      return swept ? `${reply}\n${swept}` : reply;
    }
    const unused = await withoutOwnName(ctx, parsed.unused);
    return withNotes(await saveReport(ctx, ctx.sender, parsed, { nothingWaits: quiet }), { ...parsed, unused });
  },
};

/**
 * The unused words minus the sender's own name; a word that names someone else
 * in the directory refuses the report, since it may be meant for them (代报).
 */
async function withoutOwnName(ctx: CommandContext, words: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const word of words) {
    const name = word.replace(/^@/, '');
    const people: Person[] = /^\p{Script=Han}{2,4}$|^@/u.test(word) ? await ctx.services.directory.findByName(name) : [];
    if (people.some((p) => p.id === ctx.sender.id)) continue;
    if (people.length) throw new UserError(messages.namedPerson(name));
    kept.push(word);
  }
  return kept;
}

/** The reply of a saved report, with how an unusual value was read and what was not used. */
export function withNotes(reply: string, parsed: Pick<ParsedReport, 'unused' | 'written' | 'temperature'>): string {
  const notes = [parsed.written ? messages.writtenAs(parsed.written, parsed.temperature) : '', parsed.unused.length ? messages.unusedWords(parsed.unused) : ''];
  return [reply, ...notes.filter(Boolean)].join('\n');
}

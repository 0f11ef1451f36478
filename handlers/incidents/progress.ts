import { EVERYONE, LEADERS, type Command, type CommandContext } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { incidentMessages } from '../../bot/incidents/messages';
import { recordProgress } from '../../bot/incidents/progress';
import { findIncident } from '../../bot/incidents/store';
import { STEPS } from '../../bot/incidents/steps';
import { reportCommand } from '../health/report';
import { parseReport } from '../health/grammar';
import { firstWord, numberFirst, startsLikeNumber, stepExample, stepFirst, stepOwnerGroups, typedNote } from './args';

/**
 * `进展 12 隔离 已送隔离室` (SPEC §11): a member of the step's owner group, or a
 * leader, reports a step of incident 12 done. Whether the sender may is the
 * step's business, so every role reaches it. Spacing and colons are free
 * (`进展12：隔离，已送隔离室`), the step may come first (`进展 隔离 12 …`), and
 * the note is kept as typed.
 */
export const progressCommand: Command = {
  name: '进展',
  keywords: ['进展', 'progress'],
  roles: EVERYONE,
  listedFor: LEADERS,
  groups: stepOwnerGroups,
  help: (reader) => {
    const { step, note } = stepExample(reader);
    const id = reader.open.incident;
    return `进展：进展 ${id} ${step} ${note}（或：${step} ${id} ${note}；应急处置的一步完成，步骤可写 隔离 送医 排查 上报 消杀 善后 或 2–7）`;
  },
  async run(ctx) {
    const numbered = numberFirst(ctx.args);
    const stepped = numbered ? undefined : stepFirst(ctx.args);
    const id = numbered ?? (stepped && numberFirst(stepped.rest));
    if (!id) throw new UserError(incidentMessages.progressUsage());
    const step = stepped ?? stepFirst(id.rest);
    const note = stepped ? id.rest : (step?.rest ?? '');
    const stepWord = step?.step.name ?? firstWord(id.rest);
    if (!stepWord) throw new UserError(incidentMessages.progressUsage());
    return recordProgress(ctx.sql, ctx.services, { idText: String(id.id), stepWord, note: typedNote(ctx, note), by: ctx.sender, now: ctx.now });
  },
};

/**
 * The same written step first: `隔离 12 已送隔离室`. Text that starts with a
 * step's name but no open incident's number (`上报 36.5`, `上报 37 咳嗽`) is a
 * temperature report.
 */
export const stepFirstCommand: Command = {
  name: '应急步骤',
  // 消杀 is the disinfection command's keyword (SPEC §13): it hands `消杀 12 …` to the incident step itself.
  keywords: STEPS.filter((s) => s.name !== '报告' && s.name !== '消杀').map((s) => s.name),
  roles: EVERYONE,
  help: '',
  async run(ctx: CommandContext) {
    const word = STEPS.find((s) => s.name === ctx.keyword)?.name ?? ctx.keyword;
    const numbered = numberFirst(ctx.args);
    // 上报 37 咳嗽 is a reading unless incident 37 is open; 隔离 0x7 … is neither.
    if (!numbered && startsLikeNumber(ctx.args) && parseReport(ctx.text, { today: ctx.local.date }).kind !== 'report') throw new UserError(incidentMessages.progressUsage());
    if (!numbered || (await findIncident(ctx.sql, numbered.id))?.status !== 'open') return reportCommand.run({ ...ctx, args: ctx.text });
    return recordProgress(ctx.sql, ctx.services, { idText: String(numbered.id), stepWord: word, note: typedNote(ctx, numbered.rest), by: ctx.sender, now: ctx.now });
  },
};

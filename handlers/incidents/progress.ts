import { EVERYONE, type Command, type CommandContext } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { incidentMessages } from '../../bot/incidents/messages';
import { recordProgress } from '../../bot/incidents/progress';
import { findIncident } from '../../bot/incidents/store';
import { STEPS } from '../../bot/incidents/steps';
import { reportCommand } from '../health/report';

const STEP_FIRST = /^#?(\d{1,9})(?:\s+|$)([\s\S]*)$/;

/**
 * `进展 12 隔离 已送隔离室` (SPEC §11): a member of the step's owner group, or a
 * leader, reports a step of incident 12 done. Whether the sender may is the
 * step's business, so every role reaches it.
 */
export const progressCommand: Command = {
  name: '进展',
  keywords: ['进展', 'progress'],
  roles: EVERYONE,
  help: '进展：进展 12 隔离 已送隔离室（应急处置的一步完成；步骤：隔离 送医 排查 上报 消杀 善后 或 2–7）',
  async run({ sql, services, sender, args, now }) {
    const m = /^#?(\S+)\s+(\S+)\s*([\s\S]*)$/.exec(args);
    if (!m) throw new UserError(incidentMessages.progressUsage());
    return recordProgress(sql, services, { idText: m[1], stepWord: m[2], note: m[3].trim(), by: sender, now });
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
    const m = STEP_FIRST.exec(ctx.args);
    // 上报 37 咳嗽 is a reading unless incident 37 is open.
    if (!m || (await findIncident(ctx.sql, Number(m[1])))?.status !== 'open') return reportCommand.run({ ...ctx, args: ctx.text });
    return recordProgress(ctx.sql, ctx.services, { idText: m[1], stepWord: word, note: m[2].trim(), by: ctx.sender, now: ctx.now });
  },
};

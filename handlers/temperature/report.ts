import { EVERYONE, type Command } from '../../bot/command';
import { looksLikeReport, parseReport } from './grammar';
import { problemError } from './problems';
import { saveReport } from './save-report';

/**
 * The temperature report (SPEC §3.1): any text with a number that names no other
 * command, and `更正 36.6`.
 */
export const reportCommand: Command = {
  name: '体温上报',
  keywords: ['更正', 'correct'],
  roles: EVERYONE,
  accepts: looksLikeReport,
  help: '上报体温：晨检 36.5 绿码 无症状（时段、健康码、症状可省略；同一时段再发为复测，每次都保留；发错了请发「更正 36.6」）',
  async run(ctx) {
    const parsed = parseReport(ctx.text);
    if (parsed.kind !== 'report') throw problemError(parsed);
    return saveReport(ctx, ctx.sender, parsed);
  },
};

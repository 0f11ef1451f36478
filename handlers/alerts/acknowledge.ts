import { acknowledgeAlert } from '../../bot/alerts/acknowledge';
import { LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { messages } from '../../bot/messages';
import { numberFirst, typedNote } from '../incidents/args';

/**
 * `处置 12 已安排居家观察` (SPEC §3.4): a leader closes alert 12 with a note,
 * kept as typed (`处置：12，已电话联系家属`); the leadership group is told who
 * handled it and how. An alert already handled says by whom.
 */
export const acknowledgeCommand: Command = {
  name: '处置',
  keywords: ['处置', '处理', 'ack'],
  roles: LEADERS,
  help: ({ open }) => `处置：处置 ${open.alert} 已安排居家观察（关闭 ${open.alert} 号告警并通知领导小组）`,
  async run(ctx) {
    const numbered = numberFirst(ctx.args);
    if (!numbered || !numbered.rest) throw new UserError(messages.ackUsage());
    const { name } = await acknowledgeAlert(ctx.sql, ctx.services, { id: numbered.id, note: typedNote(ctx, numbered.rest), by: ctx.sender, now: ctx.now });
    return messages.ackDone(numbered.id, name);
  },
};

import { acknowledgeAlert } from '../../bot/acknowledge';
import { LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { messages } from '../../bot/messages';

/**
 * `处置 12 已安排居家观察` (SPEC §3.4): a leader closes alert 12 with a note;
 * the leadership group is told who handled it and how. An alert already
 * handled says by whom.
 */
export const acknowledgeCommand: Command = {
  name: '处置',
  keywords: ['处置', 'ack'],
  roles: LEADERS,
  help: '处置：处置 12 已安排居家观察（关闭 12 号告警并通知领导小组）',
  async run({ sql, sender, services, args, now }) {
    const match = /^#?(\d+)\s*(.*)$/s.exec(args);
    if (!match || !match[2].trim()) throw new UserError(messages.ackUsage());
    const id = Number(match[1]);
    if (!Number.isSafeInteger(id)) throw new UserError(messages.unknownAlert(match[1]));
    const { name } = await acknowledgeAlert(sql, services, { id, note: match[2], by: sender, now });
    return messages.ackDone(id, name);
  },
};

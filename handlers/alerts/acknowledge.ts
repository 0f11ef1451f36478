import { acknowledgeAlert } from '../../bot/alerts/acknowledge';
import { LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { messages } from '../../bot/messages';

/** The note as typed: whatever follows the alert number and the comma or colon after it (`处置：46，已处理`). */
const TYPED_NOTE = /^[^0-9０-９]*[0-9０-９]+[\s,，、:：;；.。=-]*([\s\S]*?)\s*$/;
const LEADING_MENTIONS = /^\s*(?:[@＠]\S+\s*)+/;

/**
 * `处置 12 已安排居家观察` (SPEC §3.4): a leader closes alert 12 with a note;
 * the leadership group is told who handled it and how. An alert already
 * handled says by whom.
 */
export const acknowledgeCommand: Command = {
  name: '处置',
  keywords: ['处置', '处理', 'ack'],
  roles: LEADERS,
  help: '处置：处置 12 已安排居家观察（关闭 12 号告警并通知领导小组）',
  async run({ sql, sender, services, args, message, now }) {
    const match = /^#?(\d+)[\s:=.-]*(.*)$/s.exec(args);
    if (!match || !match[2].trim()) throw new UserError(messages.ackUsage());
    const id = Number(match[1]);
    if (!Number.isSafeInteger(id)) throw new UserError(messages.unknownAlert(match[1]));
    // The note is kept as typed: normalising (for parsing) would turn its ，（）℃ into ASCII.
    const note = TYPED_NOTE.exec(message.text.replace(LEADING_MENTIONS, ''))?.[1] || match[2];
    const { name } = await acknowledgeAlert(sql, services, { id, note, by: sender, now });
    return messages.ackDone(id, name);
  },
};

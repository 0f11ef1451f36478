import { LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { messages } from '../../bot/messages';
import { localIso } from '../../bot/time';

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
    const note = match[2].trim().slice(0, 500);
    const [alert] = await sql.all<{ status: string; name: string; by: string | null; at: string | null; note: string | null }>(
      `SELECT a.status, s.name, k.name AS "by", a.acknowledged_at AS "at", a.ack_note AS "note"
         FROM alert a JOIN staff s ON s.id = a.staff_id LEFT JOIN staff k ON k.id = a.acknowledged_by_id WHERE a.id = ?`,
      [id],
    );
    if (!alert) throw new UserError(messages.unknownAlert(match[1]));
    const tz = services.config.timezone;
    if (alert.status !== 'open') throw new UserError(messages.alreadyAcknowledged(id, alert.by ?? '?', localIso(new Date(alert.at!), tz).slice(5, 16).replace('T', ' '), alert.note ?? ''));
    const { changes } = await sql.run(
      `UPDATE alert SET status = 'acknowledged', acknowledged_by_id = ?, acknowledged_at = ?, ack_note = ? WHERE id = ? AND status = 'open'`,
      [sender.id, now.toISOString(), note, id],
    );
    if (changes === 0) throw new UserError(messages.unknownAlert(match[1]));
    await services.notifier.toLeaders(sql, messages.acknowledged({ id, name: alert.name, by: sender.name, note, at: localIso(now, tz).slice(11, 16) }), 'notice');
    return messages.ackDone(id, alert.name);
  },
};

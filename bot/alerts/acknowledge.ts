import type { Services } from '../command';
import type { Sql } from '../db/database';
import { UserError } from '../errors';
import { checkedNote } from '../free-text';
import { messages } from '../messages';
import { localIso } from '../time';
import { ALERT_SUBJECT_JOIN, ALERT_SUBJECT_NAME } from './subject';
import { drillMessages } from '../drills/messages';

/**
 * Closes an open alert with a leader's note and tells the leadership group
 * who handled it — the one path `处置` and the dashboard share. Throws
 * {@link UserError} for an unknown or already handled alert.
 */
export async function acknowledgeAlert(
  sql: Sql,
  services: Services,
  a: { id: number; note: string; by: { id: number; name: string }; now: Date },
): Promise<{ name: string }> {
  const note = checkedNote(a.note);
  if (!note) throw new UserError(messages.ackUsage());
  const [alert] = await sql.all<{ status: string; name: string; kind: string; by: string | null; at: string | null; note: string | null }>(
    `SELECT a.status, ${ALERT_SUBJECT_NAME} AS name, a.subject_kind AS kind, k.name AS "by", a.acknowledged_at AS "at", a.ack_note AS "note"
       FROM alert a ${ALERT_SUBJECT_JOIN} LEFT JOIN staff k ON k.id = a.acknowledged_by_id WHERE a.id = ?`,
    [a.id],
  );
  if (!alert) throw new UserError(messages.unknownAlert(String(a.id)));
  if (alert.kind === 'drill') throw new UserError(drillMessages.notAnAlert(a.id));
  const tz = services.config.timezone;
  if (alert.status !== 'open') throw new UserError(messages.alreadyAcknowledged(a.id, alert.by ?? '?', localIso(new Date(alert.at!), tz).slice(5, 16).replace('T', ' '), alert.note ?? ''));
  if (!(await settleAlert(sql, { id: a.id, byId: a.by.id, note, now: a.now }))) throw new UserError(messages.unknownAlert(String(a.id)));
  await services.notifier.toLeaders(sql, messages.acknowledged({ id: a.id, name: alert.name, by: a.by.name, note, at: localIso(a.now, tz).slice(11, 16) }), 'notice');
  return { name: alert.name };
}

/**
 * Marks an open alert handled, by whom, when and how: `处置`'s and the
 * dashboard's path above, and 结案's, which settles the incident's alert
 * (SPEC §11 "one state": the closing leader, the summary as its note). Tells
 * no one; false when it was no longer open.
 */
export async function settleAlert(sql: Sql, a: { id: number; byId: number; note: string; now: Date }): Promise<boolean> {
  const { changes } = await sql.run(
    `UPDATE alert SET status = 'acknowledged', acknowledged_by_id = ?, acknowledged_at = ?, ack_note = ? WHERE id = ? AND status = 'open'`,
    [a.byId, a.now.toISOString(), a.note.slice(0, 1000), a.id],
  );
  return changes > 0;
}

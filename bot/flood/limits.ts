import type { Sql } from '../db/database';
import type { IncomingMessage } from '../message';

/** A sender's messages in one minute beyond which the next are slowed (issue 24). */
export const MESSAGES_PER_MINUTE = 60;
/** A person's current readings in one slot of one day beyond which the next normal ones are slowed (handlers/health/save-report.ts). */
export const READINGS_PER_SLOT = 30;

/**
 * Whether this sender has sent more than {@link MESSAGES_PER_MINUTE} messages
 * in the minute up to this one (this one included, its claim already made).
 * One indexed count that stops at the limit: the same cost however much the
 * sender sent before.
 */
export async function floodingSender(sql: Sql, message: IncomingMessage): Promise<boolean> {
  const since = new Date(message.receivedAt.getTime() - 60_000).toISOString();
  const [row] = await sql.all<{ n: unknown }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM inbound_message WHERE platform = ? AND sender_id = ? AND received_at > ? LIMIT ?) recent`,
    [message.platform, message.userId, since, MESSAGES_PER_MINUTE + 1],
  );
  return Number(row.n) > MESSAGES_PER_MINUTE;
}

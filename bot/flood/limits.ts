import type { Sql } from '../db/database';
import type { IncomingMessage } from '../message';

/** A sender's messages in one minute beyond which the next are slowed (issue 24). */
export const MESSAGES_PER_MINUTE = 60;
/** A person's readings in one slot of one day beyond which the next are slowed. */
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

/** Whether a person already has {@link READINGS_PER_SLOT} readings in a slot of a day (corrected ones included). */
export async function slotFull(sql: Sql, staffId: number, date: string, slot: string): Promise<boolean> {
  const [row] = await sql.all<{ n: unknown }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM report WHERE staff_id = ? AND date = ? AND slot = ? LIMIT ?) kept`,
    [staffId, date, slot, READINGS_PER_SLOT],
  );
  return Number(row.n) >= READINGS_PER_SLOT;
}

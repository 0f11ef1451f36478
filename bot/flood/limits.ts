import type { IncomingMessage } from '../message';

/** A sender's messages in one minute beyond which the next are slowed (issue 24). */
export const MESSAGES_PER_MINUTE = 60;
/** A person's current readings in one slot of one day beyond which the next normal ones are slowed (handlers/health/save-report.ts). */
export const READINGS_PER_SLOT = 30;

/**
 * The sender's other messages of the minute before this one, counted in the
 * claim's own statement (a RETURNING subquery, issue 24: no round trip of its
 * own) and stopping at the limit: the same cost however much the sender sent
 * before. Both databases evaluate it alike once the new row is left out
 * (SQLite's RETURNING sees it, PostgreSQL's snapshot does not).
 */
export const RECENT_MESSAGES = `(SELECT count(*) FROM (SELECT 1 FROM inbound_message earlier
  WHERE earlier.platform = inbound_message.platform AND earlier.sender_id = inbound_message.sender_id
    AND earlier.received_at > ? AND earlier.id <> inbound_message.id LIMIT ?) recent)`;

/** The parameters of {@link RECENT_MESSAGES} for a message. */
export function recentParams(message: IncomingMessage): unknown[] {
  return [new Date(message.receivedAt.getTime() - 60_000).toISOString(), MESSAGES_PER_MINUTE];
}

/** Whether a sender with this many messages in the minute before is sending more than {@link MESSAGES_PER_MINUTE} a minute. */
export function flooding(recent: number): boolean {
  return recent >= MESSAGES_PER_MINUTE;
}

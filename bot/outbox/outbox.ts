import type { Destination } from '../adapters/adapter';
import type { Sql } from '../db/database';
import { maskOutgoing } from '../privacy/numbers';
import type { Clock } from '../time';
import { storedActions, type Action } from './actions';
import type { Channel } from './channel';
import { splitMessage } from './split';

/** Why a message is sent; a group's backlog of any category may be merged when over its rate limit. */
export type OutboxCategory = 'reply' | 'alert' | 'notice' | 'nudge' | 'summary';

/** Rows per INSERT: 8 parameters each stays far below every driver's limit. */
const ROWS_PER_INSERT = 500;

/**
 * The writing side of the durable outbox: a message is a row written in the
 * caller's transaction, so it exists exactly when its cause does (SPEC §2).
 *
 * Nothing here can tell when that transaction commits, so the caller kicks the
 * dispatcher after its commit, and only when {@link takeQueued} says there is
 * something to send: a message that queued nothing costs no dispatcher pass.
 */
export class Outbox {
  private readonly channels: Map<string, Channel>;
  private readonly clock: Clock;
  private queued = false;

  constructor({ channels, clock }: { channels: Channel[]; clock: Clock }) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
    this.clock = clock;
  }

  /**
   * Queues one message in the caller's transaction, due now; a body over the
   * channel's size limit becomes numbered parts, in order. Throws for a channel
   * this outbox does not know (a misconfiguration, which should roll back the cause).
   */
  async enqueue(sql: Sql, to: Destination, body: string, category: OutboxCategory, actions?: Action[]): Promise<void> {
    await this.enqueueMany(sql, [{ to, body, actions }], category);
  }

  /**
   * Queues many messages in the caller's transaction, in multi-row INSERTs (a
   * nudge to 10,000 people is 20 statements, not 10,000). Whatever a body
   * quotes, phone and ID numbers leave masked (SPEC §12). A message's actions
   * go with its last part, below the typed commands they stand for.
   */
  async enqueueMany(sql: Sql, messages: { to: Destination; body: string; actions?: Action[] }[], category: OutboxCategory): Promise<void> {
    const now = this.clock.now().toISOString();
    const rows: unknown[][] = [];
    for (const { to, body, actions } of messages) {
      const channel = this.channels.get(to.channel);
      if (!channel) throw new Error(`no outbox channel named "${to.channel}" (configured: ${[...this.channels.keys()].join(', ') || 'none'})`);
      const rateKey = channel.rateKey(to.target);
      const parts = splitMessage(maskOutgoing(body), channel.maxBytes);
      for (const [i, part] of parts.entries()) rows.push([to.channel, to.target, rateKey, category, part, now, now, i === parts.length - 1 ? storedActions(actions) : null]);
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      await sql.run(
        `INSERT INTO outbox (channel, target, rate_key, category, body, status, attempts, next_attempt_at, created_at, actions)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)").join(', ')}`,
        chunk.flat(),
      );
    }
    if (rows.length) this.queued = true;
  }

  /**
   * Queues an image message (an outbound_image kept in the same transaction)
   * with its caption, due now; the channel sends it in its platform's image format.
   */
  async enqueueImage(sql: Sql, to: Destination, imageId: number, caption: string, category: OutboxCategory): Promise<void> {
    const channel = this.channels.get(to.channel);
    if (!channel) throw new Error(`no outbox channel named "${to.channel}"`);
    const now = this.clock.now().toISOString();
    await sql.run(
      `INSERT INTO outbox (channel, target, rate_key, category, body, status, attempts, next_attempt_at, created_at, image_id) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
      [to.channel, to.target, channel.rateKey(to.target), category, maskOutgoing(caption), now, now, imageId],
    );
    this.queued = true;
  }

  /**
   * Whether anything was queued since the last call, resetting it: call it after
   * a commit and kick the dispatcher when true. A rolled-back enqueue only
   * causes a pass that finds nothing; the poll catches anything a kick missed.
   */
  takeQueued(): boolean {
    const queued = this.queued;
    this.queued = false;
    return queued;
  }
}

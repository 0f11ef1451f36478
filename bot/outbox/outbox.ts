import type { Destination } from '../adapters/adapter';
import type { Sql } from '../db/database';
import type { Category } from '../notify';
import type { Clock } from '../time';
import type { Channel } from './channel';
import { splitMessage } from './split';

/**
 * The writing side of the durable outbox: a message is a row written in the
 * caller's transaction, so it exists exactly when its cause does (SPEC §2).
 */
export class Outbox {
  private readonly channels: Map<string, Channel>;
  private readonly clock: Clock;
  private queued = false;

  constructor({ channels, clock }: { channels: Channel[]; clock: Clock }) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
    this.clock = clock;
  }

  /** Queues one message (split into numbered parts when over the channel's size limit) in the caller's transaction. */
  async enqueue(sql: Sql, to: Destination, body: string, category: Category): Promise<void> {
    const channel = this.channels.get(to.channel);
    if (!channel) throw new Error(`no outbox channel named ${to.channel}`);
    const now = this.clock.now().toISOString();
    this.queued = true;
    for (const part of splitMessage(body, channel.maxBytes)) {
      await sql.run(
        `INSERT INTO outbox (channel, target, rate_key, category, body, status, attempts, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
        [to.channel, to.target, channel.rateKey(to.target), category, part, now, now],
      );
    }
  }

  /** Whether anything was queued since the last call: the service kicks the dispatcher only then. */
  takeQueued(): boolean {
    const queued = this.queued;
    this.queued = false;
    return queued;
  }
}

import type { Database, Sql } from '../db/database';

/** An outbox row as the dispatcher handles it. */
export interface QueuedMessage {
  id: number;
  channel: string;
  target: string;
  rateKey: string;
  category: string;
  body: string;
  attempts: number;
}

const COLUMNS = 'id, channel, target, rate_key AS "rateKey", category, body, attempts';
const CHUNK = 500;

const toMessage = (row: QueuedMessage): QueuedMessage => ({ ...row, id: Number(row.id), attempts: Number(row.attempts) });

/** Runs `fn` over ids in chunks small enough for any database's parameter limit. */
async function inChunks(ids: number[], fn: (chunk: number[], marks: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await fn(chunk, chunk.map(() => '?').join(', '));
  }
}

/** The outbox table, as the dispatcher reads and writes it. */
export class OutboxStore {
  constructor(private readonly db: Database) {}

  /** Returns rows a crashed sender left 'sending' past their lease to the queue. */
  async recoverExpiredLeases(now: Date): Promise<number> {
    const { changes } = await this.db.run(`UPDATE outbox SET status = 'pending', lease_until = NULL WHERE status = 'sending' AND lease_until < ?`, [now.toISOString()]);
    return changes;
  }

  /**
   * Claims due rows of the given channels for this sender until `leaseUntil`.
   * The status check in the UPDATE makes a row claimable once, even by several
   * instances at a time (PostgreSQL re-checks it after waiting on the row lock).
   */
  async claimDue(channels: string[], now: Date, leaseUntil: Date, limit: number): Promise<QueuedMessage[]> {
    if (channels.length === 0) return [];
    const marks = channels.map(() => '?').join(', ');
    const rows = await this.db.all<QueuedMessage>(
      `UPDATE outbox SET status = 'sending', lease_until = ?
        WHERE status = 'pending' AND id IN (
          SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND channel IN (${marks}) ORDER BY id LIMIT ?)
        RETURNING ${COLUMNS}`,
      [leaseUntil.toISOString(), now.toISOString(), ...channels, limit],
    );
    return rows.map(toMessage).sort((a, b) => a.id - b.id);
  }

  /** Sends per rate key within the last minute, with the oldest of them (when a slot frees). */
  async recentSends(since: Date): Promise<Map<string, { count: number; oldest: string }>> {
    const rows = await this.db.all<{ rateKey: string; n: unknown; oldest: string }>(
      `SELECT rate_key AS "rateKey", count(*) AS n, min(sent_at) AS oldest FROM outbox WHERE sent_at > ? GROUP BY rate_key`,
      [since.toISOString()],
    );
    return new Map(rows.map((r) => [r.rateKey, { count: Number(r.n), oldest: r.oldest }]));
  }

  async markSent(ids: number[], at: Date): Promise<void> {
    await inChunks(ids, (chunk, marks) =>
      this.db.run(`UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL WHERE id IN (${marks})`, [at.toISOString(), ...chunk]),
    );
  }

  /** Back to the queue, due at `when`; `attempt` counts a failed delivery. */
  async reschedule(ids: number[], when: Date, error: string | null, attempt: boolean): Promise<void> {
    await inChunks(ids, (chunk, marks) =>
      this.db.run(
        `UPDATE outbox SET status = 'pending', lease_until = NULL, next_attempt_at = ?, attempts = attempts + ?, last_error = COALESCE(?, last_error) WHERE id IN (${marks})`,
        [when.toISOString(), attempt ? 1 : 0, error, ...chunk],
      ),
    );
  }

  async markFailed(ids: number[], error: string): Promise<void> {
    await inChunks(ids, (chunk, marks) =>
      this.db.run(`UPDATE outbox SET status = 'failed', lease_until = NULL, attempts = attempts + 1, last_error = ? WHERE id IN (${marks})`, [error, ...chunk]),
    );
  }

  /**
   * Replaces several claimed rows by one merged row (claimed too), in one
   * transaction: the originals stay, marked 'merged' and pointing at it.
   */
  async merge(members: QueuedMessage[], body: string, now: Date, leaseUntil: Date): Promise<QueuedMessage> {
    return this.db.tx(async (sql: Sql) => {
      const first = members[0];
      const [row] = await sql.all<QueuedMessage>(
        `INSERT INTO outbox (channel, target, rate_key, category, body, status, attempts, next_attempt_at, lease_until, created_at)
         VALUES (?, ?, ?, ?, ?, 'sending', 0, ?, ?, ?) RETURNING ${COLUMNS}`,
        [first.channel, first.target, first.rateKey, first.category, body, now.toISOString(), leaseUntil.toISOString(), now.toISOString()],
      );
      const merged = toMessage(row);
      await inChunks(
        members.map((m) => m.id),
        (chunk, marks) => sql.run(`UPDATE outbox SET status = 'merged', lease_until = NULL, merged_into_id = ? WHERE id IN (${marks})`, [merged.id, ...chunk]),
      );
      return merged;
    });
  }

  /** Is anything due now (for draining before the CLI exits)? */
  async anyDue(channels: string[], now: Date): Promise<boolean> {
    if (channels.length === 0) return false;
    const rows = await this.db.all(
      `SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND channel IN (${channels.map(() => '?').join(', ')}) LIMIT 1`,
      [now.toISOString(), ...channels],
    );
    return rows.length > 0;
  }
}

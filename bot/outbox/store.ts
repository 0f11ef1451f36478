import type { Database, Sql } from '../db/database';
import type { QueuedMessage, RateUsage } from './plan';

const COLUMNS = 'id, channel, target, rate_key AS "rateKey", category, body, attempts, image_id AS "imageId", actions';
/** Ids per statement: well within SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;
/** Only rows this dispatcher still holds: a claim taken over after its lease expired is not ours to settle. */
const HELD = `status = 'sending' AND claimed_by = ?`;

const toMessage = (row: QueuedMessage): QueuedMessage => ({ ...row, id: Number(row.id), attempts: Number(row.attempts), imageId: row.imageId === null ? null : Number(row.imageId) });
const iso = (at: Date) => at.toISOString();
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Runs an UPDATE over ids in chunks; resolves with the rows changed. */
async function inChunks(ids: number[], update: (chunk: number[], marks: string) => Promise<{ changes: number }>): Promise<number> {
  let changes = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    changes += (await update(chunk, marks(chunk.length))).changes;
  }
  return changes;
}

/**
 * The outbox table as the dispatcher reads and writes it. Every row a
 * dispatcher settles is fenced by its claim token (`claimed_by`), so a
 * dispatcher that outlived its lease cannot overwrite what another one did.
 */
export class OutboxStore {
  constructor(
    private readonly db: Database,
    private readonly token: string,
  ) {}

  /**
   * Returns rows whose sender stopped (lease expired while 'sending') to the
   * queue, counting an attempt: a message that kills its sender every time ends
   * up failed instead of looping.
   */
  recoverExpired(now: Date, maxAttempts: number): Promise<number> {
    return this.db
      .run(
        `UPDATE outbox SET status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END, attempts = attempts + 1,
                last_error = ?, lease_until = NULL, claimed_by = NULL
          WHERE status = 'sending' AND lease_until < ?`,
        [maxAttempts, 'the sender stopped before confirming delivery', iso(now)],
      )
      .then((r) => r.changes);
  }

  /**
   * Claims due rows of the given channels until `leaseUntil`. The status check
   * in the UPDATE makes a row claimable once, even by several instances at a
   * time: SQLite runs one writer at a time, PostgreSQL re-checks the condition
   * after waiting on the row lock.
   */
  async claimDue(channels: string[], now: Date, leaseUntil: Date, limit: number): Promise<QueuedMessage[]> {
    if (channels.length === 0) return [];
    const rows = await this.db.all<QueuedMessage>(
      `UPDATE outbox SET status = 'sending', lease_until = ?, claimed_by = ?
        WHERE status = 'pending' AND id IN (
          SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND channel IN (${marks(channels.length)}) ORDER BY id LIMIT ?)
        RETURNING ${COLUMNS}`,
      [iso(leaseUntil), this.token, iso(now), ...channels, limit],
    );
    return rows.map(toMessage).sort((a, b) => a.id - b.id);
  }

  /**
   * Budget used per rate key: rows sent since `since`, plus rows other
   * dispatchers hold in flight. Read after claiming, so of two instances
   * deciding at once at least one sees the other's claim.
   */
  async rateUsage(since: Date, now: Date): Promise<Map<string, RateUsage>> {
    const rows = await this.db.all<{ rateKey: string; used: unknown; oldest: string | null }>(
      `SELECT rate_key AS "rateKey", count(*) AS used, min(sent_at) AS oldest FROM outbox
        WHERE sent_at > ? OR (status = 'sending' AND claimed_by <> ? AND lease_until > ?)
        GROUP BY rate_key`,
      [iso(since), this.token, iso(now)],
    );
    return new Map(rows.map((r) => [r.rateKey, { used: Number(r.used), oldestSentAt: r.oldest }]));
  }

  /** Extends the lease of rows still held (a long pass); resolves with their ids. */
  async renew(ids: number[], leaseUntil: Date): Promise<Set<number>> {
    const held = new Set<number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = await this.db.all<{ id: number }>(`UPDATE outbox SET lease_until = ? WHERE id IN (${marks(chunk.length)}) AND ${HELD} RETURNING id`, [
        iso(leaseUntil),
        ...chunk,
        this.token,
      ]);
      for (const row of rows) held.add(Number(row.id));
    }
    return held;
  }

  /** Delivered. Resolves with how many rows were still held. */
  markSent(ids: number[], at: Date): Promise<number> {
    return inChunks(ids, (chunk, m) =>
      this.db.run(`UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, claimed_by = NULL WHERE id IN (${m}) AND ${HELD}`, [
        iso(at),
        ...chunk,
        this.token,
      ]),
    );
  }

  /** Back to the queue untried (over the rate limit), due at `when`. */
  release(ids: number[], when: Date): Promise<number> {
    return inChunks(ids, (chunk, m) =>
      this.db.run(
        `UPDATE outbox SET status = 'pending', next_attempt_at = ?, lease_until = NULL, claimed_by = NULL WHERE id IN (${m}) AND ${HELD}`,
        [iso(when), ...chunk, this.token],
      ),
    );
  }

  /** A failed attempt: back to the queue with its error, due at `when`. */
  retry(ids: number[], when: Date, error: string): Promise<number> {
    return inChunks(ids, (chunk, m) =>
      this.db.run(
        `UPDATE outbox SET status = 'pending', next_attempt_at = ?, attempts = attempts + 1, last_error = ?, lease_until = NULL, claimed_by = NULL
          WHERE id IN (${m}) AND ${HELD}`,
        [iso(when), error, ...chunk, this.token],
      ),
    );
  }

  /** Given up: kept as 'failed' with its error, for the operator. */
  fail(ids: number[], error: string): Promise<number> {
    return inChunks(ids, (chunk, m) =>
      this.db.run(
        `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, lease_until = NULL, claimed_by = NULL WHERE id IN (${m}) AND ${HELD}`,
        [error, ...chunk, this.token],
      ),
    );
  }

  /**
   * Replaces held rows by one merged row, held too, in one transaction: the
   * originals stay, marked 'merged' and pointing at it. Null (and nothing
   * written) when some original is no longer held.
   */
  merge(members: QueuedMessage[], body: string, now: Date, leaseUntil: Date): Promise<QueuedMessage | null> {
    return this.db
      .tx(async (sql: Sql) => {
        const first = members[0];
        const [row] = await sql.all<QueuedMessage>(
          `INSERT INTO outbox (channel, target, rate_key, category, body, status, attempts, next_attempt_at, lease_until, claimed_by, created_at)
           VALUES (?, ?, ?, ?, ?, 'sending', 0, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
          [first.channel, first.target, first.rateKey, first.category, body, iso(now), iso(leaseUntil), this.token, iso(now)],
        );
        const merged = toMessage(row);
        const changed = await inChunks(
          members.map((m) => m.id),
          (chunk, m) =>
            sql.run(`UPDATE outbox SET status = 'merged', merged_into_id = ?, lease_until = NULL, claimed_by = NULL WHERE id IN (${m}) AND ${HELD}`, [
              merged.id,
              ...chunk,
              this.token,
            ]),
        );
        if (changed !== members.length) throw new LostClaim();
        return merged;
      })
      .catch((err) => {
        if (err instanceof LostClaim) return null;
        throw err;
      });
  }

  /** Is anything due now (for draining before the CLI exits)? */
  async anyDue(channels: string[], now: Date): Promise<boolean> {
    if (channels.length === 0) return false;
    const rows = await this.db.all(
      `SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND channel IN (${marks(channels.length)}) LIMIT 1`,
      [iso(now), ...channels],
    );
    return rows.length > 0;
  }
}

/** Rolls a merge back when another dispatcher took over one of its rows. */
class LostClaim extends Error {}

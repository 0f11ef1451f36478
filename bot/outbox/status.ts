import type { Database } from '../db/database';

/** A message given up on, as the operator sees it. */
export interface OutboxFailure {
  id: number;
  channel: string;
  target: string;
  category: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** What the operator watches (`npm run cli -- outbox`). */
export interface OutboxOverview {
  /** Rows by status: pending, sending, sent, failed, merged (absent when none). */
  counts: Record<string, number>;
  /** The most recent failures, newest first. */
  failures: OutboxFailure[];
}

/** Rows by status, and the most recent failures with their errors. */
export async function outboxStatus(db: Database, failuresShown = 20): Promise<OutboxOverview> {
  const counts = await db.all<{ status: string; n: unknown }>('SELECT status, count(*) AS n FROM outbox GROUP BY status');
  const failures = await db.all<OutboxFailure>(
    `SELECT id, channel, target, category, attempts, last_error AS "lastError", created_at AS "createdAt"
       FROM outbox WHERE status = 'failed' ORDER BY id DESC LIMIT ?`,
    [failuresShown],
  );
  return {
    // PostgreSQL answers count(*) as a string.
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    failures: failures.map((f) => ({ ...f, id: Number(f.id), attempts: Number(f.attempts) })),
  };
}

/** What waits to be delivered, and what was given up on: the backlog `/healthz` and the dashboard show. */
export interface OutboxBacklog {
  pending: number;
  sending: number;
  failed: number;
  oldestPendingAt: string | null;
}

/** The backlog in one query. */
export async function outboxBacklog(sql: Pick<Database, 'all'>): Promise<OutboxBacklog> {
  const rows = await sql.all<{ status: string; n: unknown; oldest: string | null }>(
    `SELECT status, count(*) AS n, min(created_at) AS oldest FROM outbox WHERE status IN ('pending', 'sending', 'failed') GROUP BY status`,
  );
  const of = (status: string) => rows.find((r) => r.status === status);
  return { pending: Number(of('pending')?.n ?? 0), sending: Number(of('sending')?.n ?? 0), failed: Number(of('failed')?.n ?? 0), oldestPendingAt: of('pending')?.oldest ?? null };
}

import type { Database } from '../db/database';

export interface OutboxStatus {
  counts: Record<string, number>;
  failures: { id: number; channel: string; target: string; category: string; attempts: number; lastError: string | null; createdAt: string }[];
}

/** What the operator watches: rows by status, and the most recent failures with their errors. */
export async function outboxStatus(db: Database, failuresShown = 20): Promise<OutboxStatus> {
  const counts = await db.all<{ status: string; n: unknown }>('SELECT status, count(*) AS n FROM outbox GROUP BY status');
  const failures = await db.all<OutboxStatus['failures'][number]>(
    `SELECT id, channel, target, category, attempts, last_error AS "lastError", created_at AS "createdAt"
       FROM outbox WHERE status = 'failed' ORDER BY id DESC LIMIT ?`,
    [failuresShown],
  );
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    failures: failures.map((f) => ({ ...f, id: Number(f.id), attempts: Number(f.attempts) })),
  };
}

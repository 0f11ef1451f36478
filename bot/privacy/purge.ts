import type { Database } from '../db/database';
import { addDays, zonedInstant } from '../time';
import { RETENTION, type Cutoff, type Holds, type RetentionRule } from './retention';

/** How long each kind of copy is kept, in days; readings without a number are kept. */
export interface Retention {
  visitorDays: number;
  reportDays?: number;
}

/** What one rule of the registry purged. */
export interface Purged {
  rule: RetentionRule;
  rows: number;
}

/** Rows per batch: each batch is one short transaction, so messages keep flowing while a large purge runs. */
const BATCH = 500;

/**
 * The first day each kind of copy is still kept, for a purge on `today`: a
 * visitor registered on day D is kept through day D + `visitorDays` and gone
 * the day after; readings likewise when `reportDays` is set; the message log
 * and the outbox, which may carry either, by the shorter of the two.
 */
function cutoffs(today: string, retention: Retention, timezone: string): Partial<Record<Holds, Cutoff>> {
  const cutoff = (days: number): Cutoff => {
    const date = addDays(today, -days);
    return { date, at: zonedInstant(date, 0, 0, timezone).toISOString() };
  };
  const visitor = cutoff(retention.visitorDays);
  const reading = retention.reportDays === undefined ? undefined : cutoff(retention.reportDays);
  return { visitor, reading, message: reading && reading.date > visitor.date ? reading : visitor };
}

/**
 * Purges personal data past its retention (SPEC §12) by walking the
 * retention registry: each table's rows go (or are redacted) in batches,
 * each batch its own transaction. Run once per day by `privacy-purge`,
 * whose firing ledger keeps it to one instance; every rule is idempotent, so
 * a purge cut short is finished by the next one.
 */
export async function purgePersonalData(db: Database, today: string, retention: Retention, timezone: string): Promise<Purged[]> {
  const when = cutoffs(today, retention, timezone);
  const purged: Purged[] = [];
  for (const rule of RETENTION) {
    const cutoff = when[rule.holds];
    if (!cutoff) continue;
    let rows = 0;
    for (;;) {
      const n = await db.tx((sql) => rule.batch(sql, cutoff, BATCH));
      rows += n;
      if (n < BATCH) break;
    }
    purged.push({ rule, rows });
  }
  return purged;
}

/** An outbox row as the dispatcher handles it. */
export interface QueuedMessage {
  id: number;
  channel: string;
  target: string;
  rateKey: string;
  category: string;
  body: string;
  attempts: number;
  /** An image message's outbound_image (its body is the caption); null for text. */
  imageId: number | null;
  /** The stored actions (JSON) offered with a text, or null. */
  actions: string | null;
}

/** A rate key's use of its budget: sends in the last minute plus sends other dispatchers hold in flight. */
export interface RateUsage {
  used: number;
  /** The oldest send of the last minute (ISO), when there is one: the next slot frees 60 s after it. */
  oldestSentAt: string | null;
}

export const MINUTE_MS = 60_000;
/** When only other dispatchers' sends in flight use the budget, look again this soon. */
const IN_FLIGHT_RECHECK_MS = 1_000;
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 15 * MINUTE_MS;

/** The wait before delivery attempt `attempts + 1`: 5 s, 10 s, 20 s … capped at 15 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * How many sends a rate key may make now within `perMinute` in any rolling
 * minute, and when to look again for what cannot go now: 60 s after the
 * oldest send counted (+1 ms, as a send counts while it is within the last
 * 60 000 ms), or shortly when only sends in flight elsewhere fill the budget.
 */
export function rateBudget(perMinute: number, usage: RateUsage | undefined, now: Date): { budget: number; retryAt: Date } {
  const used = usage?.used ?? 0;
  const budget = Math.max(0, perMinute - used);
  const oldest = usage?.oldestSentAt ? Date.parse(usage.oldestSentAt) : null;
  if (oldest !== null) return { budget, retryAt: new Date(oldest + MINUTE_MS + 1) };
  const inFlightOnly = used > 0 && budget === 0;
  return { budget, retryAt: new Date(now.getTime() + (inFlightOnly ? IN_FLIGHT_RECHECK_MS : MINUTE_MS + 1)) };
}

/**
 * Groups rows of one channel into platform calls: rows with the same body go
 * together, up to `maxRecipients` distinct targets a call, in order of first
 * appearance (so the numbered parts of a long message keep their order).
 */
export function recipientBatches(rows: QueuedMessage[], maxRecipients: number): QueuedMessage[][] {
  const open = new Map<string, { rows: QueuedMessage[]; targets: Set<string> }>();
  const batches: QueuedMessage[][] = [];
  for (const row of rows) {
    // An image message is a call of its own: its body is only a caption.
    if (row.imageId !== null) {
      batches.push([row]);
      continue;
    }
    // Rows go together only when they offer the same actions too.
    const key = `${row.actions ?? ''}\u0000${row.body}`;
    let batch = open.get(key);
    // A target twice in one call would be one delivery for two rows: the second waits for the next call.
    if (!batch || batch.rows.length >= maxRecipients || batch.targets.has(row.target)) {
      batch = { rows: [], targets: new Set() };
      open.set(key, batch);
      batches.push(batch.rows);
    }
    batch.rows.push(row);
    batch.targets.add(row.target);
  }
  return batches;
}

/** Splits items by a key, keeping first-seen order of keys and items. */
export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

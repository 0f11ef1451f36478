import { isUniqueViolation, type Sql } from '../../db/database';
import { readActions, storedActions, type Action } from '../../outbox/actions';

/** One message the simulator "delivered": to a person (their staff id) or to the leadership group (`leaders`). */
export interface LocalDelivery {
  seq: number;
  to: string;
  body: string;
  at: string;
  /** The picture of an image message (the daily brief's chart), kept in outbound_image. */
  imageId?: number;
  /** The buttons under it: a tap sends its command as the person (SPEC §16). */
  actions?: Action[];
}

/** How many deliveries the feed keeps: a page opened later starts with these. */
export const KEPT_DELIVERIES = 500;

/**
 * Records a delivery under the next feed number, in one statement (no
 * transaction to wait for). The number is one more than the newest row's,
 * which pruning never deletes, so numbers keep rising across restarts and a
 * tab left open still sees what comes after one. Two processes (a CLI job
 * beside the service) taking the same number collide on the primary key: the
 * later one waits for the earlier one's commit, fails and takes the next. So
 * rows become visible in the order of their numbers, and a page asking for
 * `since=N` never skips one that commits late.
 */
export async function recordDelivery(db: Sql, delivery: Omit<LocalDelivery, 'seq'>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await db.all<{ seq: unknown }>(
        'INSERT INTO local_delivery (seq, recipient, body, image_id, delivered_at, actions) SELECT coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? FROM local_delivery RETURNING seq',
        [delivery.to, delivery.body, delivery.imageId ?? null, delivery.at, storedActions(delivery.actions)],
      );
      const seq = Number(row.seq);
      await db.run('DELETE FROM local_delivery WHERE seq <= ?', [seq - KEPT_DELIVERIES]);
      return seq;
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 20) throw err;
    }
  }
}

/** The deliveries after feed number `since`, oldest first. */
export async function deliveriesSince(sql: Pick<Sql, 'all'>, since: number): Promise<LocalDelivery[]> {
  const rows = await sql.all<{ seq: unknown; to: string; body: string; image_id: unknown; at: string; actions: string | null }>(
    'SELECT seq, recipient AS "to", body, image_id, delivered_at AS at, actions FROM local_delivery WHERE seq > ? ORDER BY seq LIMIT ?',
    [since, KEPT_DELIVERIES],
  );
  return rows.map((r) => {
    const actions = readActions(r.actions);
    return { seq: Number(r.seq), to: r.to, body: r.body, at: r.at, ...(r.image_id === null ? {} : { imageId: Number(r.image_id) }), ...(actions.length ? { actions } : {}) };
  });
}

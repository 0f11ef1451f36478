import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../db/database';
import type { Clock } from '../time';

/** A lease lasts this long unless renewed: a holder that stops renewing (killed, or its connection lost) is replaced within it and a poll. */
export const LEASE_MS = 20_000;

/** This process's name as a lease holder: host, process id and a random tag (two services in one process differ). */
export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * The database lease on a long connection that the platform allows once per
 * bot: acquired (or renewed) by one instance at a time, taken over by another
 * once it has expired.
 */
export class LinkLease {
  constructor(
    private readonly db: Database,
    readonly name: string,
    readonly holder: string,
    private readonly clock: Clock,
  ) {}

  /** Takes the lease, or renews it when this instance holds it; false when another instance holds it. */
  async acquire(): Promise<boolean> {
    const now = this.clock.now();
    const rows = await this.db.all<{ holder: string }>(
      `INSERT INTO link_lease (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE link_lease.holder = excluded.holder OR link_lease.expires_at < ?
       RETURNING holder`,
      [this.name, this.holder, new Date(now.getTime() + LEASE_MS).toISOString(), now.toISOString()],
    );
    return rows.length === 1;
  }

  /** Gives the lease up now, when this instance holds it, so another takes over at its next look. */
  async release(): Promise<void> {
    await this.db.run('DELETE FROM link_lease WHERE name = ? AND holder = ?', [this.name, this.holder]);
  }

  /** The instance holding the lease now, or null when none does. */
  async current(): Promise<string | null> {
    const [row] = await this.db.all<{ holder: string; expires_at: string }>('SELECT holder, expires_at FROM link_lease WHERE name = ?', [this.name]);
    return row && row.expires_at >= this.clock.now().toISOString() ? row.holder : null;
  }
}

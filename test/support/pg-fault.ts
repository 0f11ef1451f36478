import { DataSource, type QueryRunner } from 'typeorm';
import type { Database } from '../../bot/db/database';
import type { RetryPolicy } from '../../bot/db/transient';

/** A table locked by the test. */
export interface Held {
  /** Waits until a session of the service is blocked on the lock, then terminates the service's sessions. */
  terminateBlocked(): Promise<number>;
  release(): Promise<void>;
}

/**
 * The service's sessions on PostgreSQL, seen from outside as an operator or a
 * failing server would: found by their application_name and terminated
 * (57P01), if need be while a lock of the test's holds them at a known point.
 */
export class PgFault {
  /** Locks not yet released: a failed test lets go of them on close, so no other test waits on them. */
  private readonly lockers = new Set<QueryRunner>();

  private constructor(
    private readonly admin: DataSource,
    readonly appName: string,
    /** The service's DATABASE_URL: the test run's schema, sessions named {@link appName}. */
    readonly url: string,
  ) {}

  /** A fault injector for `url` (TEST_DATABASE_URL, scoped); the service's sessions get a name of their own. */
  static async open(url: string, label: string): Promise<PgFault> {
    const appName = `hg_fault_${label}_${process.pid}`;
    const named = new URL(url);
    named.searchParams.set('application_name', appName);
    const plain = new URL(url);
    plain.searchParams.delete('schema');
    const admin = new DataSource({ type: 'postgres', url: plain.toString(), applicationName: `${appName}_admin` });
    await admin.initialize();
    return new PgFault(admin, appName, named.toString());
  }

  /** Terminates every session of the service now; resolves with how many. */
  async terminate(): Promise<number> {
    const rows: { done: boolean }[] = await this.admin.query('SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1', [this.appName]);
    return rows.filter((r) => r.done).length;
  }

  /**
   * Locks `table` from a session of the test's, so the service's next
   * transaction that touches it waits there; {@link Held.terminateBlocked}
   * then ends the service's sessions at that known point.
   */
  async lock(table: string, schema: string): Promise<Held> {
    const locker: QueryRunner = this.admin.createQueryRunner();
    await locker.startTransaction();
    await locker.query(`LOCK TABLE "${schema}"."${table}" IN ACCESS EXCLUSIVE MODE`);
    this.lockers.add(locker);
    return {
      terminateBlocked: async () => {
        // Bounded in round trips, not in time.
        for (let i = 0; i < 20_000; i++) {
          const [{ n }]: { n: number }[] = await this.admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [this.appName]);
          if (n > 0) return this.terminate();
          await new Promise((resolve) => setImmediate(resolve));
        }
        throw new Error(`no session of ${this.appName} waited on ${table}`);
      },
      release: async () => {
        this.lockers.delete(locker);
        await locker.commitTransaction();
        await locker.release();
      },
    };
  }

  async close(): Promise<void> {
    for (const locker of this.lockers) await locker.rollbackTransaction().finally(() => locker.release());
    this.lockers.clear();
    await this.admin.destroy();
  }
}

/** Retries with no waiting: a test drives faults by round trips, never by the clock. */
export function immediateRetry(db: Database, attempts: number): void {
  const policy: RetryPolicy = { attempts, delayMs: () => 0, sleep: async () => undefined };
  db.retry = policy;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { Database, Row, Sql } from './database';
import { defaultRetry, retryTransient, type RetryPolicy } from './transient';

/**
 * Which database's transaction the current async context is in. One storage
 * for every instance: each AsyncLocalStorage ever used taxes every promise of
 * the process, so one per database would slow down a process that opens many.
 */
const inTransaction = new AsyncLocalStorage<SqliteDatabase>();

/** A unit of work waiting for the next batch, and how to answer its caller. */
interface Pending {
  work: (sql: Sql) => Promise<unknown>;
  /** One statement outside any transaction: run on its own, as SQLite's autocommit does, taking no write lock for a read. */
  alone: boolean;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * SQLite through the better-sqlite3 connection TypeORM opened. TypeORM shares one
 * query runner for SQLite, so two concurrent transactions would nest as
 * savepoints; here every statement and transaction is serialised instead, and
 * statements are prepared once.
 *
 * Group commit: the units of work queued together, and those that arrive
 * within the next turn of the event loop (the other requests read in the same
 * round of I/O), run in one transaction, each inside its own savepoint (an
 * error rolls back that unit's writes only), with one COMMIT for all of them.
 * No caller hears of its work before that COMMIT, so an acknowledged message is
 * on disk as before; what is saved is a WAL write per message under load, the
 * largest single cost of the WeCom path (SPEC §9).
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private pending: Pending[] = [];
  private draining: Promise<void> | null = null;
  retry: RetryPolicy = defaultRetry;
  private readonly direct: Sql & Pick<SqliteDatabase, 'each'> = {
    all: async <T>(sql: string, params: readonly unknown[] = []) => this.statement(sql).all(...bind(params)) as T[],
    run: async (sql: string, params: readonly unknown[] = []) => ({ changes: this.statement(sql).run(...bind(params)).changes }),
    each: async <T>(sql: string, params: readonly unknown[], visit: (row: T) => void) => {
      for (const row of this.statement(sql).iterate(...bind(params))) visit(row as T);
    },
  };

  constructor(
    readonly dataSource: DataSource,
    private readonly connection: BetterSqlite3.Database,
  ) {}

  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    if (inTransaction.getStore() === this) return this.direct.all<T>(sql, params);
    return retryTransient(() => this.enqueue((direct) => direct.all<T>(sql, params), true), this.retry);
  }

  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }> {
    if (inTransaction.getStore() === this) return this.direct.run(sql, params);
    return retryTransient(() => this.enqueue((direct) => direct.run(sql, params), true), this.retry);
  }

  /** Streams the rows of a query to `visit` (see eachRow). */
  each<T = Row>(sql: string, params: readonly unknown[], visit: (row: T) => void): Promise<void> {
    if (inTransaction.getStore() === this) return this.direct.each(sql, params, visit);
    return this.enqueue((direct) => direct.each<T>(sql, params, visit), true);
  }

  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (inTransaction.getStore() === this) return fn(this.direct);
    // SQLITE_BUSY (another process holding the write lock past the busy timeout) runs the unit again.
    return retryTransient(() => this.enqueue(fn), this.retry);
  }

  async close(): Promise<void> {
    while (this.draining) await this.draining;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private enqueue<T>(work: (sql: Sql & Pick<SqliteDatabase, 'each'>) => Promise<T>, alone = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work: work as Pending['work'], alone, resolve: resolve as (value: unknown) => void, reject });
      this.draining ??= this.drain();
    });
  }

  /** Runs the queued work, a group per transaction, until none is left. */
  private async drain(): Promise<void> {
    // Started from a caller's context: the groups run outside it.
    await Promise.resolve();
    try {
      while (this.pending.length) {
        if (this.pending[0].alone) {
          const [item] = this.pending.splice(0, 1);
          answer(item, await settle(item.work(this.direct)));
        } else {
          const group = await inTransaction.run(this, () => this.runGroup());
          for (const [item, outcome] of group) answer(item, outcome);
        }
      }
    } finally {
      // In the same tick as the last look at the queue: work queued from now on starts a new drain.
      this.draining = null;
    }
  }

  /** The transactions at the head of the queue, up to the first lone statement. */
  private takeTransactions(room: number): Pending[] {
    const lone = this.pending.findIndex((item) => item.alone);
    return this.pending.splice(0, Math.min(room, lone === -1 ? this.pending.length : lone));
  }

  /**
   * One transaction for a group: the transactions queued now, then, after a
   * turn of the event loop, those that came in meanwhile (the requests read in
   * the same round of I/O), each unit in a savepoint; then one COMMIT. Only
   * then does any caller hear of its outcome.
   */
  private async runGroup(): Promise<Array<[Pending, Outcome]>> {
    const group: Array<[Pending, Outcome]> = [];
    const failAll = (error: unknown) => group.map(([item]): [Pending, Outcome] => [item, { ok: false, error }]);
    let units = this.takeTransactions(MAX_GROUP);
    try {
      this.statement('BEGIN IMMEDIATE').run();
    } catch (error) {
      return units.map((item) => [item, { ok: false, error }]);
    }
    while (units.length) {
      for (const item of units) {
        this.statement('SAVEPOINT unit').run();
        try {
          group.push([item, { ok: true, value: await item.work(this.direct) }]);
          this.statement('RELEASE unit').run();
        } catch (error) {
          group.push([item, { ok: false, error }]);
          // An error that ended the transaction itself took the units before this one with it.
          if (!this.connection.inTransaction) return failAll(error);
          this.statement('ROLLBACK TO unit').run();
          this.statement('RELEASE unit').run();
        }
      }
      if (group.length >= MAX_GROUP) break;
      await nextTurn();
      units = this.takeTransactions(MAX_GROUP - group.length);
    }
    try {
      this.statement('COMMIT').run();
    } catch (error) {
      if (this.connection.inTransaction) this.statement('ROLLBACK').run();
      return failAll(error);
    }
    return group;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.connection.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The most units one COMMIT carries, so that a burst does not keep the first callers waiting. */
const MAX_GROUP = 64;

/** The next turn of the event loop, by the real setImmediate even where a test fakes timers. */
const realSetImmediate = globalThis.setImmediate;
const nextTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

function answer(item: Pending, outcome: Outcome): void {
  if (outcome.ok) item.resolve(outcome.value);
  else item.reject(outcome.error);
}

async function settle(work: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error };
  }
}

function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

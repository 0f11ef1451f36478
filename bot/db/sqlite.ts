import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { Database, Row, Sql } from './database';

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
 * Group commit: the units of work that queue up while a transaction runs are
 * run together in the next one, each inside its own savepoint (an error rolls
 * back that unit's writes only), with one COMMIT for all of them. No caller
 * hears of its work before that COMMIT, so an acknowledged message is on disk
 * as before; what is saved is a WAL write per message under load, the largest
 * single cost of the WeCom path (SPEC §9).
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private pending: Pending[] = [];
  private draining: Promise<void> | null = null;
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
    return this.enqueue((direct) => direct.all<T>(sql, params), true);
  }

  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }> {
    if (inTransaction.getStore() === this) return this.direct.run(sql, params);
    return this.enqueue((direct) => direct.run(sql, params), true);
  }

  /** Streams the rows of a query to `visit` (see eachRow). */
  each<T = Row>(sql: string, params: readonly unknown[], visit: (row: T) => void): Promise<void> {
    if (inTransaction.getStore() === this) return this.direct.each(sql, params, visit);
    return this.enqueue((direct) => direct.each<T>(sql, params, visit), true);
  }

  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (inTransaction.getStore() === this) return fn(this.direct);
    return this.enqueue(fn);
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

  /** Runs the queued work, a batch per transaction, until none is left. */
  private async drain(): Promise<void> {
    // Started from a caller's context: the batches run outside it.
    await Promise.resolve();
    try {
      while (this.pending.length) {
        // A lone statement at the head runs by itself; else every transaction up to the next lone statement forms the batch.
        const next = this.pending.findIndex((item) => item.alone);
        const batch = this.pending.splice(0, next === 0 ? 1 : next === -1 ? this.pending.length : next);
        const outcomes = batch[0].alone ? [await settle(batch[0].work(this.direct))] : await inTransaction.run(this, () => this.runBatch(batch));
        batch.forEach((item, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) item.resolve(outcome.value);
          else item.reject(outcome.error);
        });
      }
    } finally {
      // In the same tick as the last look at the queue: work queued from now on starts a new drain.
      this.draining = null;
    }
  }

  /** One transaction for the batch; each unit in a savepoint when there are several. */
  private async runBatch(batch: Pending[]): Promise<Outcome[]> {
    const all = (error: unknown) => batch.map(() => ({ ok: false as const, error }));
    try {
      this.statement('BEGIN IMMEDIATE').run();
    } catch (err) {
      return all(err);
    }
    const single = batch.length === 1;
    const outcomes: Outcome[] = [];
    for (const item of batch) {
      if (!single) this.statement('SAVEPOINT unit').run();
      try {
        outcomes.push({ ok: true, value: await item.work(this.direct) });
        if (!single) this.statement('RELEASE unit').run();
      } catch (error) {
        // An error that ended the transaction itself took the units before this one with it.
        if (!this.connection.inTransaction) return all(error);
        if (single) {
          this.statement('ROLLBACK').run();
        } else {
          this.statement('ROLLBACK TO unit').run();
          this.statement('RELEASE unit').run();
        }
        outcomes.push({ ok: false, error });
      }
    }
    if (single && !outcomes[0].ok) return outcomes;
    try {
      this.statement('COMMIT').run();
    } catch (err) {
      if (this.connection.inTransaction) this.statement('ROLLBACK').run();
      return all(err);
    }
    return outcomes;
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

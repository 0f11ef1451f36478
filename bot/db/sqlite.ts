import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { Database, Row, Sql } from './database';

/**
 * SQLite through the better-sqlite3 connection TypeORM opened. TypeORM shares one
 * query runner for SQLite, so two concurrent transactions would nest as
 * savepoints; here every statement and transaction is serialised instead, and
 * statements are prepared once.
 */
/**
 * Which database's transaction the current async context is in. One storage
 * for every instance: each AsyncLocalStorage ever used taxes every promise of
 * the process, so one per database would slow down a process that opens many.
 */
const inTransaction = new AsyncLocalStorage<SqliteDatabase>();

export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private queue: Promise<unknown> = Promise.resolve();
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
    return this.serialise(() => this.direct.all<T>(sql, params));
  }

  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }> {
    if (inTransaction.getStore() === this) return this.direct.run(sql, params);
    return this.serialise(() => this.direct.run(sql, params));
  }

  /** Streams the rows of a query to `visit` (see eachRow). */
  each<T = Row>(sql: string, params: readonly unknown[], visit: (row: T) => void): Promise<void> {
    if (inTransaction.getStore() === this) return this.direct.each(sql, params, visit);
    return this.serialise(() => this.direct.each(sql, params, visit));
  }

  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (inTransaction.getStore() === this) return fn(this.direct);
    return this.serialise(() =>
      inTransaction.run(this, async () => {
        this.statement('BEGIN IMMEDIATE').run();
        try {
          const result = await fn(this.direct);
          this.statement('COMMIT').run();
          return result;
        } catch (err) {
          if (this.connection.inTransaction) this.statement('ROLLBACK').run();
          throw err;
        }
      }),
    );
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
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

function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Database, Row, Sql } from './database';

/** The transaction of the current async context, by database (one storage for all: see sqlite.ts). */
const current = new AsyncLocalStorage<{ db: PostgresDatabase; runner: QueryRunner }>();

/** PostgreSQL through TypeORM's pool: one query runner per transaction. */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  /** What a transaction's code is given: this database's statements, which find the transaction's runner. */
  private readonly inTx: Sql & Pick<PostgresDatabase, 'each'> = {
    all: (sql, params) => this.all(sql, params),
    run: (sql, params) => this.run(sql, params),
    each: (sql, params, visit) => this.each(sql, params, visit),
  };

  constructor(readonly dataSource: DataSource) {}

  all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    // Structured, because TypeORM answers an UPDATE … RETURNING unstructured as [rows, count].
    return this.withRunner(async (r) => (await r.query(toPositional(sql), bind(params), true)).records as T[]);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.withRunner(async (r) => {
      const result = await r.query(toPositional(sql), bind(params), true);
      return { changes: result.affected ?? 0 };
    });
  }

  /**
   * Streams the rows of a query to `visit` through a server-side cursor
   * (pg-query-stream), so a 100,000-row read holds a batch at a time.
   */
  each<T = Row>(sql: string, params: readonly unknown[], visit: (row: T) => void): Promise<void> {
    return this.withRunner(async (runner) => {
      const stream = await runner.stream(toPositional(sql), bind(params));
      for await (const row of stream) visit(row as T);
    });
  }

  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (current.getStore()?.db === this) return fn(this.inTx);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const result = await current.run({ db: this, runner }, () => fn(this.inTx));
        await runner.commitTransaction();
        return result;
      } catch (err) {
        await runner.rollbackTransaction();
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** The transaction's runner when inside one, else a pooled runner for this statement alone. */
  private async withRunner<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const inTx = current.getStore();
    if (inTx?.db === this) return work(inTx.runner);
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  }
}

const positional = new Map<string, string>();

/** `?` → `$1, $2, …` (the application's SQL has no literal question marks). */
function toPositional(sql: string): string {
  let out = positional.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    positional.set(sql, out);
  }
  return out;
}

function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : p));
}

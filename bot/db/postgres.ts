import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Database, Row, Sql } from './database';
import { defaultRetry, retryTransient, type RetryPolicy } from './transient';

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

  retry: RetryPolicy = defaultRetry;

  constructor(readonly dataSource: DataSource) {
    guardClients((dataSource.driver as unknown as { master: PoolLike }).master);
  }

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
    }, false);
  }

  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (current.getStore()?.db === this) return fn(this.inTx);
    return retryTransient(() => this.once(fn), this.retry);
  }

  /** One attempt at a transaction. A connection that died mid-way is dropped from the pool, and its error is the one thrown. */
  private async once<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      try {
        const result = await current.run({ db: this, runner }, () => fn(this.inTx));
        await runner.commitTransaction();
        return result;
      } catch (err) {
        // A terminated session cannot roll back (nor need to): the server already did.
        await runner.rollbackTransaction().catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /**
   * The transaction's runner when inside one, else a pooled runner for this
   * statement alone, run again after a transient fault unless it streams
   * (rows already visited would be visited twice).
   */
  private async withRunner<T>(work: (runner: QueryRunner) => Promise<T>, retryable = true): Promise<T> {
    const inTx = current.getStore();
    if (inTx?.db === this) return work(inTx.runner);
    const alone = async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        return await work(runner);
      } finally {
        await runner.release();
      }
    };
    return retryable ? retryTransient(alone, this.retry) : alone();
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

interface ClientLike {
  on(event: 'error', listener: (err: Error) => void): unknown;
}
interface PoolLike {
  on(event: 'connect', listener: (client: ClientLike) => void): unknown;
  _clients?: ClientLike[];
}

/**
 * Gives every pooled connection a standing error listener. A session ended by
 * the server (57P01, a restart) can say so in the same read as the answer that
 * hands the connection out, before TypeORM has attached its own listener: with
 * none, node-postgres' 'error' event would end the process. The query on that
 * connection still fails and is retried (transient.ts); the pool drops it.
 */
function guardClients(pool: PoolLike | undefined): void {
  if (!pool) return;
  const ignore = () => undefined;
  for (const client of pool._clients ?? []) client.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
}

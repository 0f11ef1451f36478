import { AsyncLocalStorage } from 'node:async_hooks';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import type { Database, Row, Sql } from './database';
import { defaultRetry, isTransient, retryTransient, type RetryPolicy } from './transient';

/** What this module uses of a node-postgres client. */
interface Client {
  query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: Row[]; rowCount: number | null }>;
  query<S>(stream: S): S;
  release(err?: Error | boolean): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** What this module uses of node-postgres' pool (TypeORM's, so schema, search path and pool options stay TypeORM's). */
interface Pool {
  connect(): Promise<Client>;
  on(event: 'connect', listener: (client: Client) => void): unknown;
  _clients?: Client[];
}

/** The transaction of the current async context, by database (one storage for all: see sqlite.ts). */
const current = new AsyncLocalStorage<{ db: PostgresDatabase; client: Client }>();

/**
 * PostgreSQL through the pool TypeORM opened, spoken to directly: TypeORM's
 * query runner costs more CPU per statement than the statement itself on the
 * message path (issue 24). One pooled client per transaction; statements are
 * prepared once per connection (named), so the server parses and plans each
 * only once.
 */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  /** What a transaction's code is given: this database's statements, which find the transaction's client. */
  private readonly inTx: Sql & Pick<PostgresDatabase, 'each'> = {
    all: (sql, params) => this.all(sql, params),
    run: (sql, params) => this.run(sql, params),
    each: (sql, params, visit) => this.each(sql, params, visit),
  };
  private readonly pool: Pool;

  retry: RetryPolicy = defaultRetry;

  constructor(readonly dataSource: DataSource) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
    guardClients(this.pool);
  }

  all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.withClient(async (c) => (await c.query(statement(sql, params))).rows as T[]);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.withClient(async (c) => ({ changes: (await c.query(statement(sql, params))).rowCount ?? 0 }));
  }

  /**
   * Streams the rows of a query to `visit` through a server-side cursor
   * (pg-query-stream), so a 100,000-row read holds a batch at a time.
   */
  each<T = Row>(sql: string, params: readonly unknown[], visit: (row: T) => void): Promise<void> {
    return this.withClient(async (client) => {
      const stream = client.query(new QueryStream(toPositional(sql), bind(params)));
      for await (const row of stream) visit(row as T);
    }, false);
  }

  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (current.getStore()?.db === this) return fn(this.inTx);
    return retryTransient(() => this.once(fn), this.retry);
  }

  /** One attempt at a transaction. */
  private once<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.pooled(async (client) => {
      await client.query({ text: 'BEGIN', values: [] });
      try {
        const result = await current.run({ db: this, client }, () => fn(this.inTx));
        await client.query({ text: 'COMMIT', values: [] });
        return result;
      } catch (err) {
        // A terminated session cannot roll back (nor need to): the server already did.
        await client.query({ text: 'ROLLBACK', values: [] }).catch(() => undefined);
        throw err;
      }
    });
  }

  /** A pooled client for `work`; a connection a transient fault broke is dropped from the pool, not handed out again. */
  private async pooled<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (err) {
      if (isTransient(err)) broken = err as Error;
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /**
   * The transaction's client when inside one, else a pooled client for this
   * statement alone, run again after a transient fault unless it streams
   * (rows already visited would be visited twice).
   */
  private async withClient<T>(work: (client: Client) => Promise<T>, retryable = true): Promise<T> {
    const inTx = current.getStore();
    if (inTx?.db === this) return work(inTx.client);
    const alone = () => this.pooled(work);
    return retryable ? retryTransient(alone, this.retry) : alone();
  }
}

const positional = new Map<string, { text: string; name?: string }>();
/** Statements named (prepared once per connection); the rest — texts built for a list's length past this many — are sent unnamed. */
const MAX_PREPARED = 400;

/** `?` → `$1, $2, …` (the application's SQL has no literal question marks), named while there is room. */
function toPositional(sql: string): string {
  return prepared(sql).text;
}

function prepared(sql: string): { text: string; name?: string } {
  let out = positional.get(sql);
  if (out === undefined) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    out = positional.size < MAX_PREPARED ? { text, name: `hg${positional.size}` } : { text };
    positional.set(sql, out);
  }
  return out;
}

function statement(sql: string, params: readonly unknown[]): { text: string; values: unknown[]; name?: string } {
  return { ...prepared(sql), values: bind(params) };
}

function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : p));
}

/**
 * Gives every pooled connection a standing error listener. A session ended by
 * the server (57P01, a restart) can say so in the same read as the answer that
 * hands the connection out, before anyone has attached a listener: with none,
 * node-postgres' 'error' event would end the process. The query on that
 * connection still fails and is retried (transient.ts); the pool drops it.
 */
function guardClients(pool: Pool | undefined): void {
  if (!pool) return;
  const ignore = () => undefined;
  for (const client of pool._clients ?? []) client.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
}

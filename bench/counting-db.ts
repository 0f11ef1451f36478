import { eachRow, type Database, type Sql } from '../bot/db/database';

/** A database that counts the statements run through it (the bench's "number of queries"). */
export function countingDatabase(db: Database): { db: Database; queries: () => number; reset: () => void } {
  let n = 0;
  const counted = (sql: Sql) => ({
    all: <T>(text: string, params?: readonly unknown[]) => ((n += 1), sql.all<T>(text, params)),
    run: (text: string, params?: readonly unknown[]) => ((n += 1), sql.run(text, params)),
    each: <T>(text: string, params: readonly unknown[], visit: (row: T) => void) => ((n += 1), eachRow<T>(sql, text, params, visit)),
  });
  const wrapped: Database = {
    dialect: db.dialect,
    dataSource: db.dataSource,
    ...counted(db),
    tx: (fn) => db.tx((sql) => fn(counted(sql))),
    close: () => db.close(),
    get retry() {
      return db.retry;
    },
    set retry(policy) {
      db.retry = policy;
    },
  };
  return { db: wrapped, queries: () => n, reset: () => (n = 0) };
}

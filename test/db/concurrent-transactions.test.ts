import { strict as assert } from 'node:assert';
import type { Database } from '../../bot/db/database';
import { openDatabase } from '../../bot/db/open';
import { openTestDatabase, testDatabaseUrl } from '../support/db';

/**
 * Transactions started together (SQLite commits them as one group): each
 * keeps its own all-or-nothing, and no caller hears of its work before it is
 * committed. The same cases hold on PostgreSQL, where each has its own.
 */
describe('concurrent transactions', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  const keys = async () => (await db.all<{ key: string }>(`SELECT key FROM app_meta WHERE key LIKE 't%' ORDER BY key`)).map((r) => r.key);
  const put = (sql: { run: Database['run'] }, key: string) => sql.run('INSERT INTO app_meta (key, value) VALUES (?, ?)', [key, 'v']);

  it('a failing transaction among others rolls back only its own writes, and the others are kept', async () => {
    const outcomes = await Promise.allSettled([
      db.tx(async (sql) => {
        await put(sql, 't1');
        return 'one';
      }),
      db.tx(async (sql) => {
        await put(sql, 't2');
        await put(sql, 't2b');
        throw new Error('refused');
      }),
      db.tx(async (sql) => {
        await put(sql, 't3');
        return 'three';
      }),
    ]);
    assert.deepEqual(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)),
      ['one', 'refused', 'three'],
    );
    assert.deepEqual(await keys(), ['t1', 't3']);
  });

  it('a unique violation in one transaction does not undo the one before it', async () => {
    await put(db, 't0');
    const outcomes = await Promise.allSettled([db.tx((sql) => put(sql, 't1')), db.tx((sql) => put(sql, 't0')), db.tx((sql) => put(sql, 't2'))]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(await keys(), ['t0', 't1', 't2']);
  });

  it('a caller hears of its transaction only once it is committed: another connection already sees it', async () => {
    const url = testDatabaseUrl(true);
    const writer = await openTestDatabase(undefined, url);
    const reader = await openDatabase(url);
    try {
      const seenByReader = await Promise.all(
        ['t1', 't2', 't3'].map((key) =>
          writer.tx((sql) => put(sql, key)).then(async () => (await reader.all<{ key: string }>('SELECT key FROM app_meta WHERE key = ?', [key])).length),
        ),
      );
      assert.deepEqual(seenByReader, [1, 1, 1]);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('a statement outside any transaction, queued between transactions, sees the ones before it and not the ones after', async () => {
    const first = db.tx((sql) => put(sql, 't1'));
    const between = keys();
    const after = db.tx((sql) => put(sql, 't2'));
    await Promise.all([first, after]);
    if (db.dialect === 'sqlite') assert.deepEqual(await between, ['t1']);
    assert.deepEqual(await keys(), ['t1', 't2']);
  });

  it('a nested transaction joins the outer one and fails with it', async () => {
    await assert.rejects(
      db.tx(async (sql) => {
        await put(sql, 't1');
        await db.tx((inner) => put(inner, 't2'));
        throw new Error('outer fails');
      }),
      /outer fails/,
    );
    assert.deepEqual(await keys(), []);
  });
});

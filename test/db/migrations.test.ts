import { expect } from 'chai';
import { openDatabase } from '../../bot/db/open';
import { testDatabaseUrl } from '../support/db';

describe('migrations', () => {
  it('take a fresh database from zero to exactly the entities', async () => {
    const db = await openDatabase(testDatabaseUrl(true));
    try {
      const { upQueries } = await db.dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((q) => q.query)).to.deep.equal([]);
      const applied = await db.all<{ name: string }>('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((m) => m.name)).to.deep.equal(db.dataSource.migrations.map((m) => m.name));
    } finally {
      await db.close();
    }
  });

  it('change nothing when an up-to-date database starts again', async () => {
    const url = testDatabaseUrl(true);
    const first = await openDatabase(url, new Date('2026-11-01T00:00:00Z'));
    const [before] = await first.all<{ value: string }>(`SELECT value FROM app_meta WHERE key = 'initialised_at'`);
    await first.close();
    const second = await openDatabase(url, new Date('2026-11-22T00:00:00Z'));
    try {
      expect(await second.dataSource.showMigrations()).to.equal(false);
      expect((await second.dataSource.driver.createSchemaBuilder().log()).upQueries).to.deep.equal([]);
      const [after] = await second.all<{ value: string }>(`SELECT value FROM app_meta WHERE key = 'initialised_at'`);
      expect(after.value).to.equal(before.value);
    } finally {
      await second.close();
    }
  });

  // PostgreSQL only: several instances share one server there (on SQLite one file is one hall's one instance).
  if (process.env.TEST_DATABASE_URL) {
    it('let instances that start together on a fresh PostgreSQL schema migrate one after the other', async () => {
      const url = new URL(testDatabaseUrl(true));
      url.searchParams.set('schema', `${url.searchParams.get('schema')}_together`);
      const [a, b, c] = await Promise.all([openDatabase(url.toString()), openDatabase(url.toString()), openDatabase(url.toString())]);
      try {
        const [applied] = await a.all<{ n: unknown }>('SELECT count(*) AS n FROM migrations');
        expect(Number(applied.n)).to.equal(a.dataSource.migrations.length);
        expect((await b.dataSource.driver.createSchemaBuilder().log()).upQueries).to.deep.equal([]);
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    });
  }
});

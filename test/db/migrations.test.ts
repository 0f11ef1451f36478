import { expect } from 'chai';
import { DataSource } from 'typeorm';
import { openDatabase } from '../../bot/db/open';
import { dataSourceOptions } from '../../bot/db/options';
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

  it('give message claims made before the per-sender claim the user id of their sender', async () => {
    const url = await freshDatabaseUrl('claims');
    const options = dataSourceOptions(url);
    const initOnly = new DataSource({ ...options, migrations: (options.migrations as Function[]).slice(0, 1) } as typeof options);
    await initOnly.initialize();
    try {
      await initOnly.runMigrations();
      await initOnly.query(`DELETE FROM inbound_message`);
      await initOnly.query(`DELETE FROM staff`);
      await initOnly.query(
        `INSERT INTO staff (id, name, window_name, role, wecom_userid, dingtalk_userid, active, created_at, updated_at) VALUES (41, '张三', '1号窗口', 'staff', 'zhangsan', 'zs-ding', true, 'x', 'x')`,
      );
      for (const [id, platform] of [['m1', 'wecom'], ['m2', 'dingtalk'], ['m3', 'local']]) {
        await initOnly.query(`INSERT INTO inbound_message (platform, message_id, staff_id, text, received_at) VALUES ('${platform}', '${id}', 41, '36.5', 'x')`);
      }
    } finally {
      await initOnly.destroy();
    }
    const db = await openDatabase(url);
    try {
      const rows = await db.all<{ messageId: string; senderId: string }>('SELECT message_id AS "messageId", sender_id AS "senderId" FROM inbound_message ORDER BY message_id');
      expect(rows).to.deep.equal([
        { messageId: 'm1', senderId: 'zhangsan' },
        { messageId: 'm2', senderId: 'zs-ding' },
        { messageId: 'm3', senderId: '41' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('settle the open alert of an incident closed before 结案 settled alerts, by the closing leader with the summary', async () => {
    const url = await freshDatabaseUrl('settle');
    const options = dataSourceOptions(url);
    const migrations = options.migrations as Function[];
    const settling = migrations.findIndex((m) => m.name === 'ClosedIncidentAlertsSettled1796664847272');
    expect(settling).to.be.greaterThan(0);
    const before = new DataSource({ ...options, migrations: migrations.slice(0, settling) } as typeof options);
    await before.initialize();
    try {
      await before.runMigrations();
      await before.query(`INSERT INTO staff (id, name, window_name, role, active, created_at, updated_at) VALUES (7, '王五', '领导小组', 'leader', true, 'x', 'x')`);
      for (const id of [1, 2, 3]) {
        await before.query(
          `INSERT INTO alert (id, severity, reasons, instruction, status, opened_at, push_count) VALUES (${id}, 'critical', '体温 38.2℃', '启动应急处置流程', 'open', '2026-11-23T00:05:00.000Z', 1)`,
        );
      }
      await before.query(`INSERT INTO incident (id, subject, situation, status, opened_at, closed_at, closed_by_id, summary) VALUES (1, '张三', '体温 38.2℃', 'closed', '2026-11-23T00:05:00.000Z', '2026-11-24T01:00:00.000Z', 7, '排除感染，解除隔离')`);
      await before.query(`INSERT INTO incident (id, subject, situation, status, opened_at) VALUES (2, '孙七', '体温 38.6℃', 'open', '2026-11-23T00:05:00.000Z')`);
    } finally {
      await before.destroy();
    }
    const db = await openDatabase(url);
    try {
      const rows = await db.all<{ id: unknown; status: string; by: unknown; at: string | null; note: string | null }>(
        'SELECT id, status, acknowledged_by_id AS "by", acknowledged_at AS "at", ack_note AS note FROM alert ORDER BY id',
      );
      expect(rows.map((r) => ({ ...r, id: Number(r.id), by: r.by === null ? null : Number(r.by) }))).to.deep.equal([
        { id: 1, status: 'acknowledged', by: 7, at: '2026-11-24T01:00:00.000Z', note: '排除感染，解除隔离' },
        { id: 2, status: 'open', by: null, at: null, note: null },
        { id: 3, status: 'open', by: null, at: null, note: null },
      ]);
    } finally {
      await db.close();
    }
  });
});

/** A database no test has migrated yet: a new SQLite file, or an emptied PostgreSQL schema of this run. */
async function freshDatabaseUrl(name: string): Promise<string> {
  const url = testDatabaseUrl(true);
  if (url.startsWith('sqlite:')) return url;
  const scoped = new URL(url);
  const schema = `${scoped.searchParams.get('schema')}_${name}`;
  scoped.searchParams.set('schema', schema);
  const plain = new URL(url);
  plain.searchParams.delete('schema');
  const admin = new DataSource({ type: 'postgres', url: plain.toString() });
  await admin.initialize();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await admin.destroy();
  }
  return scoped.toString();
}

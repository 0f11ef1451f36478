import { DataSource } from 'typeorm';
import { postgresTestUrl } from './db';

/**
 * Mocha root hooks: after a run on PostgreSQL, drop the run's own schemas (see
 * postgresTestUrl) so the server does not collect them run after run.
 */
export const mochaHooks = {
  async afterAll(this: unknown): Promise<void> {
    const url = postgresTestUrl();
    if (!url || process.env.HG_KEEP_TEST_SCHEMA) return;
    const scoped = new URL(url);
    const schema = scoped.searchParams.get('schema')!;
    if (!schema.startsWith('hg_test_')) return;
    scoped.searchParams.delete('schema');
    const admin = new DataSource({ type: 'postgres', url: scoped.toString() });
    await admin.initialize();
    try {
      const schemas = await admin.query(`SELECT nspname FROM pg_namespace WHERE nspname = $1 OR nspname LIKE $2`, [schema, `${schema}\\_%`]);
      for (const { nspname } of schemas as { nspname: string }[]) await admin.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    } finally {
      await admin.destroy();
    }
  },
};

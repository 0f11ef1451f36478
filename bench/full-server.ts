import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/log';
import { createService } from '../bot/service';
import { BENCH_WECOM, STAFF_COUNT } from './wecom-load';

/**
 * The full WeCom path on a fresh SQLite file with 300 registered staff: verify,
 * decrypt, parse, dedupe, store, evaluate, encrypted passive reply.
 */
const dir = mkdtempSync(join(tmpdir(), 'hallguard-bench-'));
// BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL, in a scratch schema dropped at the end.
const scratch = `hg_bench_${process.pid}`;
const pg = process.env.BENCH_DATABASE_URL ? new URL(process.env.BENCH_DATABASE_URL) : null;
pg?.searchParams.set('schema', scratch);
const config = loadConfig({
  DATABASE_URL: pg ? pg.toString() : `sqlite:${join(dir, 'bench.sqlite')}`,
  LOG_LEVEL: 'warn',
  WECOM_CORP_ID: BENCH_WECOM.corpId,
  WECOM_AGENT_ID: BENCH_WECOM.agentId,
  WECOM_SECRET: 'bench-secret',
  WECOM_TOKEN: BENCH_WECOM.token,
  WECOM_AES_KEY: BENCH_WECOM.aesKey,
  WECOM_API_BASE: 'http://127.0.0.1:9',
});
const service = await createService({ config, log: createLogger('warn') });
await service.db.tx(async (sql) => {
  for (let i = 0; i < STAFF_COUNT; i++) {
    await sql.run(
      `INSERT INTO staff (name, window_name, role, wecom_userid, active, created_at, updated_at) VALUES (?, ?, 'staff', ?, ?, ?, ?)`,
      [`员工${i}`, `${(i % 20) + 1}号窗口`, `user${i}`, true, new Date().toISOString(), new Date().toISOString()],
    );
  }
});
const server = await service.listen(0, '127.0.0.1');
const address = server.address();
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => {
  const dropped = pg ? service.db.run(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`).catch(() => undefined) : Promise.resolve();
  void dropped.then(() => service.close()).then(() => process.exit(0));
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PRODUCTION_FLAGS, runBuilt, runCli } from './child';

const BARS = { seconds: 2, rssMb: 200, wecomCalls: 10, dingtalkCalls: 500 };
const SCRATCH = mkdtempSync(join(tmpdir(), 'hallguard-scale-'));

/** A fresh database for one measurement: a SQLite file, or a schema of BENCH_DATABASE_URL. */
function freshDatabase(name: string): string {
  const pg = process.env.BENCH_DATABASE_URL;
  if (!pg) return `sqlite:${join(SCRATCH, `${name}.sqlite`)}`;
  const url = new URL(pg);
  url.searchParams.set('schema', `hg_bench_${name}_${process.pid}`);
  return url.toString();
}

async function seed(url: string, staff: number, extra: string[]): Promise<void> {
  await runCli(['seed', '--staff', String(staff), '--windows', '400', ...extra], { DATABASE_URL: url, LOG_LEVEL: 'silent' });
}

async function job(url: string, name: string, at: string): Promise<{ seconds: number; queries: number; peakRssMb: number; detail: string }> {
  return JSON.parse(await runBuilt('bench/scale.ts', [url, name, at], {}, PRODUCTION_FLAGS));
}

/** SPEC §9: the two big summaries at 10,000 and 100,000 staff (time, queries, peak RSS), and the nudge fan-out of 10,000. */
export async function scale(): Promise<[string, boolean][]> {
  const checks: [string, boolean][] = [];
  process.stdout.write(`\n## Scale (${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}): 400 windows, 90% reported, 90% of windows rostered\n`);
  const runs: Record<string, Record<number, Awaited<ReturnType<typeof job>>>> = { 'morning-summary': {}, 'roster-deadline': {} };
  for (const staff of [10_000, 100_000]) {
    const url = freshDatabase(`city${staff}`);
    await seed(url, staff, ['--reports-on', '2026-11-23', '--rosters-for', '2026-11-24']);
    runs['morning-summary'][staff] = await job(url, 'morning-summary', '2026-11-23T08:45:00+08:00');
    runs['roster-deadline'][staff] = await job(url, 'roster-deadline', '2026-11-23T16:00:00+08:00');
  }
  for (const [name, byStaff] of Object.entries(runs)) {
    const small = byStaff[10_000];
    const big = byStaff[100_000];
    process.stdout.write(
      `${name.padEnd(16)} 10,000 staff: ${small.seconds.toFixed(2)} s, ${small.queries} queries   100,000 staff: ${big.seconds.toFixed(2)} s, ${big.queries} queries, peak RSS ${big.peakRssMb.toFixed(0)} MB   (${big.detail})\n`,
    );
    checks.push([`${name} over 100,000 staff in ${big.seconds.toFixed(2)} s (bar < ${BARS.seconds} s)`, big.seconds < BARS.seconds]);
    checks.push([`${name} queries: ${small.queries} at 10,000 and ${big.queries} at 100,000 staff (bar: constant)`, small.queries === big.queries]);
    checks.push([`${name} peak RSS ${big.peakRssMb.toFixed(0)} MB at 100,000 staff (bar < ${BARS.rssMb} MB)`, big.peakRssMb < BARS.rssMb]);
  }

  process.stdout.write('\n## Nudge fan-out: 10,000 people, none reported\n');
  for (const [platform, bar] of [['wecom', BARS.wecomCalls], ['dingtalk', BARS.dingtalkCalls]] as const) {
    const url = freshDatabase(`nudge-${platform}`);
    await seed(url, 10_000, []);
    const { calls, detail } = JSON.parse(await runBuilt('bench/fan-out.ts', [url, platform, '2026-11-23T07:30:00+08:00'], {}, PRODUCTION_FLAGS));
    process.stdout.write(`${platform.padEnd(9)} ${detail}: ${calls} platform calls\n`);
    checks.push([`nudging 10,000 on ${platform}: ${calls} calls (bar ≤ ${bar})`, calls <= bar]);
  }
  await dropScratchSchemas();
  return checks;
}

/** On PostgreSQL, the bench's scratch schemas go when it is done. */
async function dropScratchSchemas(): Promise<void> {
  const pg = process.env.BENCH_DATABASE_URL;
  if (!pg) return;
  const admin = new DataSource({ type: 'postgres', url: pg });
  await admin.initialize();
  try {
    const schemas: { nspname: string }[] = await admin.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`hg\\_bench\\_%\\_${process.pid}`]);
    for (const { nspname } of schemas) await admin.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await admin.destroy();
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCTION_FLAGS, runBuilt, runCli } from './child';

const STAFF = 100_000;
const BAR_MS = 50;

/**
 * Issue 13 item 3: no single message stalls the service. The worst roster
 * message WeCom (2,048 bytes) or DingTalk (20,000 bytes) can deliver, at
 * 100,000 staff with today's reports in, handled in under 50 ms.
 */
export async function rosterMessage(): Promise<[string, boolean][]> {
  const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'hallguard-roster-')), 'city.sqlite')}`;
  await runCli(['seed', '--staff', String(STAFF), '--windows', '400', '--reports-on', '2026-11-23'], { DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const { staff, results } = JSON.parse(await runBuilt('bench/roster-message.ts', [url], {}, PRODUCTION_FLAGS)) as {
    staff: number;
    results: { case: string; bytes: number; names: number; ms: number; stallMs: number }[];
  };
  process.stdout.write(`\n## One roster message at ${staff.toLocaleString('en')} staff (slowest of 5 runs; longest event-loop stall)\n`);
  for (const r of results) process.stdout.write(`${r.case.padEnd(60)} ${String(r.bytes).padStart(6)} bytes ${String(r.names).padStart(5)} names: ${r.ms.toFixed(1)} ms, stall ${r.stallMs.toFixed(1)} ms\n`);
  const worst = results.reduce((a, b) => (Math.max(b.ms, b.stallMs) > Math.max(a.ms, a.stallMs) ? b : a));
  const figure = Math.max(worst.ms, worst.stallMs);
  return [[`worst roster message at ${staff.toLocaleString('en')} staff (${worst.case}): ${figure.toFixed(1)} ms (bar < ${BAR_MS} ms)`, figure < BAR_MS]];
}

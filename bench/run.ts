// @ts-expect-error build.mjs is plain JavaScript
import { bundle } from '../build.mjs';
import { cliStart } from './cli-start';
import { rosterMessage } from './roster-bench';
import { scale } from './scale-bench';
import { wecomPath } from './wecom-path';

/**
 * `npm run bench`: every figure of SPEC §9 in one run, each beside its bar.
 * `BENCH_SECONDS` sets the load duration; `BENCH_SUSTAINED_SECONDS` (default
 * 60) the full WeCom path's sustained run, reported as its first and last 10-s
 * windows; `BENCH_DATABASE_URL=postgres://…` runs the full WeCom path and the
 * scale part on PostgreSQL (in scratch schemas).
 */
await bundle(['bench/bare-server.ts', 'bench/full-server.ts', 'bench/scale.ts', 'bench/fan-out.ts', 'bench/roster-message.ts']);
const checks = [...cliStart(), ...(await wecomPath()), ...(await scale()), ...(await rosterMessage())];
process.stdout.write('\n## Against SPEC §9\n');
for (const [what, ok] of checks) process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${what}\n`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;

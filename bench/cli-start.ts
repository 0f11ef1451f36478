import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const RUNS = 5;

/** Median wall time of a command line, in milliseconds, after one warm-up run. */
function medianMs(args: string[], env: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/**
 * The CLI's start-up: `npm run cli -- staff list` on a small, migrated
 * database (so the command's own work is a query) from the bundle, against
 * the same command compiled at run time by tsx as it used to run.
 */
export function cliStart(): [string, boolean][] {
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'hg-bench-cli-')), 'hall.sqlite')}` };
  const bundled = medianMs(['bot/cli/launch.mjs', 'staff', 'list'], env);
  const compiled = medianMs(['--import', 'tsx', 'bot/cli/main.ts', 'staff', 'list'], env);
  process.stdout.write(`\n## CLI start-up (median of ${RUNS})\nnpm run cli -- staff list: ${bundled.toFixed(0)} ms from the bundle; ${compiled.toFixed(0)} ms compiled by tsx at run time\n`);
  return [[`CLI start-up ${bundled.toFixed(0)} ms from the bundle (bar: under tsx's ${compiled.toFixed(0)} ms)`, bundled < compiled]];
}

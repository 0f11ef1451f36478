// `npm test`: the whole suite on SQLite, then again on PostgreSQL when
// TEST_DATABASE_URL is set (STYLE.md: one suite, two databases). Extra
// arguments go to mocha. Closes with the combined line CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mocha = new URL('../../node_modules/mocha/bin/mocha.js', import.meta.url).pathname;
const args = process.argv.slice(2);
const runs = [{ name: 'SQLite', url: '' }];
if (process.env.TEST_DATABASE_URL) runs.push({ name: 'PostgreSQL', url: process.env.TEST_DATABASE_URL });

let passed = 0;
let failed = 0;
for (const run of runs) {
  process.stdout.write(`\n=== the whole suite on ${run.name} ===\n`);
  const counts = join(mkdtempSync(join(tmpdir(), 'hg-counts-')), 'counts.json');
  const result = spawnSync(process.execPath, [mocha, ...(args.length ? args : ['test/**/*.test.ts'])], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: run.url, HG_COUNTS_FILE: counts },
  });
  try {
    const { passes, failures } = JSON.parse(readFileSync(counts, 'utf8'));
    passed += passes;
    failed += failures;
  } catch {
    process.stdout.write(`the ${run.name} run ended without results (exit ${result.status})\n`);
    failed += 1;
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

// `npm test`: the whole suite on SQLite, then again on PostgreSQL when
// TEST_DATABASE_URL is set (STYLE.md: one suite, two databases), then on SQLite
// under a second Node.js when HG_EXTRA_NODE names one (CI: Node 24, see
// .ci/node24). Extra arguments go to mocha. Closes with the combined line CI reads.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const mocha = new URL('../../node_modules/mocha/bin/mocha.js', import.meta.url).pathname;
const binding = new URL('../../node_modules/better-sqlite3/build/Release/better_sqlite3.node', import.meta.url).pathname;
const args = process.argv.slice(2);
const runs = [{ name: 'SQLite', url: '' }];
if (process.env.TEST_DATABASE_URL) runs.push({ name: 'PostgreSQL', url: process.env.TEST_DATABASE_URL });
const extraNode = process.env.HG_EXTRA_NODE;
if (extraNode) {
  const version = spawnSync(extraNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
  runs.push({ name: `SQLite on Node ${version}`, url: '', node: extraNode, sqliteBinding: process.env.HG_EXTRA_NODE_SQLITE_BINDING });
}

/**
 * Runs `work` with the better-sqlite3 addon built for another Node.js in place,
 * then puts this Node's back. Files are swapped by rename, never written over:
 * a node_modules of hard links shares its files with other checkouts.
 */
function withSqliteBinding(file, work) {
  if (!file) return work();
  const own = `${binding}.own-${process.pid}`;
  renameSync(binding, own);
  try {
    copyFileSync(file, `${binding}.other-${process.pid}`);
    renameSync(`${binding}.other-${process.pid}`, binding);
    return work();
  } finally {
    renameSync(own, binding);
  }
}

let passed = 0;
let failed = 0;
const failing = [];
for (const run of runs) {
  process.stdout.write(`\n=== the whole suite on ${run.name} ===\n`);
  const counts = join(mkdtempSync(join(tmpdir(), 'hg-counts-')), 'counts.json');
  const node = run.node ?? process.execPath;
  // Child processes of the tests (the CLI, a second instance) run under the same Node.
  const path = run.node ? `${dirname(run.node)}${delimiter}${process.env.PATH ?? ''}` : process.env.PATH;
  const result = withSqliteBinding(run.sqliteBinding, () =>
    spawnSync(node, [mocha, ...(args.length ? args : ['test/**/*.test.ts'])], {
      stdio: 'inherit',
      env: { ...process.env, PATH: path, TEST_DATABASE_URL: run.url, HG_COUNTS_FILE: counts },
    }),
  );
  try {
    const { passes, failures, failed: titles = [] } = JSON.parse(readFileSync(counts, 'utf8'));
    passed += passes;
    failed += failures;
    for (const title of titles) failing.push(`[${run.name}] ${title}`);
  } catch {
    process.stdout.write(`the ${run.name} run ended without results (exit ${result.status})\n`);
    failing.push(`[${run.name}] the run ended without results (exit ${result.status})`);
    failed += 1;
  }
}
// What failed, where the last lines of a long log are read.
if (failing.length) process.stdout.write(`\nfailing:\n${failing.map((line) => `  ${line.slice(0, 300)}`).join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

// Mocha's spec reporter plus the closing line CI reads: "N passed, M failed".
// Under test/support/run-suites.mjs it also leaves the counts in HG_COUNTS_FILE,
// so the runner can add up the SQLite and PostgreSQL runs.
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');
const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class CountingSpec extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    // The failing titles travel with the counts, so the runner's last lines name them.
    const failed = [];
    runner.on(EVENT_TEST_FAIL, (test, err) => failed.push(`${test.fullTitle()}: ${String(err?.message ?? err).split('\n')[0]}`));
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures } = runner.stats;
      if (process.env.HG_COUNTS_FILE) writeFileSync(process.env.HG_COUNTS_FILE, JSON.stringify({ passes, failures, failed }));
      process.stdout.write(`${passes} passed, ${failures} failed\n`);
    });
  }
}
module.exports = CountingSpec;

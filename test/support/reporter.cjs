// Mocha's spec reporter plus the closing line CI reads: "N passed, M failed".
// Under test/support/run-suites.mjs it also leaves the counts in HG_COUNTS_FILE,
// so the runner can add up the SQLite and PostgreSQL runs.
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');
const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingSpec extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures } = runner.stats;
      if (process.env.HG_COUNTS_FILE) writeFileSync(process.env.HG_COUNTS_FILE, JSON.stringify({ passes, failures }));
      process.stdout.write(`${passes} passed, ${failures} failed\n`);
    });
  }
}
module.exports = CountingSpec;

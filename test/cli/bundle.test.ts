import { mkdtempSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
// @ts-expect-error build.mjs is plain JavaScript
import { isFresh } from '../../build.mjs';
import { runCli } from '../support/cli';

const BUNDLE = new URL('../../dist/bot/cli/main.js', import.meta.url).pathname;

describe('npm run cli runs from the esbuild bundle', function () {
  this.timeout(60_000);
  const env = { DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'hg-cli-bundle-')), 'x.sqlite')}`, LOG_LEVEL: 'error' };

  it('rebuilds a bundle older than the sources before running, and reuses a fresh one as it is', async () => {
    await runCli(['staff', 'list'], env);
    utimesSync(BUNDLE, new Date('2000-01-01T00:00:00Z'), new Date('2000-01-01T00:00:00Z'));
    expect(isFresh('bot/cli/main.ts')).to.equal(false);

    const rebuilt = await runCli(['staff', 'list'], env);
    expect(rebuilt.code, rebuilt.stderr).to.equal(0);
    expect(rebuilt.stdout).to.contain('共 0 人');
    const built = statSync(BUNDLE).mtimeMs;
    expect(built).to.be.above(new Date('2020-01-01T00:00:00Z').getTime());
    expect(isFresh('bot/cli/main.ts')).to.equal(true);

    const again = await runCli(['staff', 'list'], env);
    expect(again.code, again.stderr).to.equal(0);
    expect(statSync(BUNDLE).mtimeMs).to.equal(built);
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';

describe('the TypeScript sources', () => {
  it('type-check under strict tsc with no errors', async function () {
    this.timeout(120_000);
    const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
    const result = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', '.'], { cwd: new URL('..', import.meta.url).pathname }).then(
      () => '',
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(result, result).to.equal('');
  });
});

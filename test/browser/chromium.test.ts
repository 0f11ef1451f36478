/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { findChromium, launchBrowser } from '../support/browser';

describe('the Chromium the browser tests drive', function () {
  this.timeout(120_000);

  it('falls back to the Chromium inside the @sparticuz/chromium package when no system one is found, and it really runs', async () => {
    const missing = [join(tmpdir(), 'no-such-dir', 'chromium')];
    const found = await findChromium(missing);
    expect(found.source).to.equal('package');
    expect(found.path).to.not.equal('/usr/bin/chromium');
    const browser = await launchBrowser(missing);
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="x"></p><script>document.getElementById("x").textContent = String(6 * 7)</script>');
      expect(await page.locator('#x').innerText()).to.equal('42');
    } finally {
      await browser.close();
    }
  });

  it('keeps a system Chromium when one is there', async () => {
    const system = join(mkdtempSync(join(tmpdir(), 'hg-chromium-')), 'chromium');
    writeFileSync(system, '');
    expect(await findChromium(['/no/such/chromium', system])).to.deep.equal({ path: system, source: 'system' });
  });
});

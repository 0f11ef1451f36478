/// <reference lib="dom" />
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Where a system Chromium is looked for, first found wins: CHROMIUM_PATH
 * (one path, or several separated by ":"), else Debian's (`apt-get install
 * chromium`; `.ci/run` installs it).
 */
export const SYSTEM_CHROMIUM = (process.env.CHROMIUM_PATH || '/usr/bin/chromium:/usr/bin/chromium-browser').split(':').filter(Boolean);

/** Where a screenshot for a reviewer goes. */
export const SCREENSHOTS = 'test-output';

/** The Chromium a test drives: a system one, else the one shipped inside the @sparticuz/chromium package. */
export interface ChromiumBinary {
  path: string;
  source: 'system' | 'package';
}

/**
 * The first system Chromium of `candidates`; with none, the binary the
 * @sparticuz/chromium npm package ships (unpacked once into the temporary
 * directory), so `npm install && npm test` needs nothing else on the machine.
 */
export async function findChromium(candidates = SYSTEM_CHROMIUM): Promise<ChromiumBinary> {
  const system = candidates.find((path) => existsSync(path));
  if (system) return { path: system, source: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: 'package' };
}

/** The CJK family the npm font package ships (Noto Sans, Simplified Chinese, with Latin). */
export const PAGE_FONT_FAMILY = 'Noto Sans Hans';

/**
 * A fontconfig configuration for the browser: the CJK font shipped in the
 * `@embedpdf/fonts-sc` npm package (the one the charts are drawn with),
 * preferred for every generic family, then whatever fonts the system has. A
 * machine with no CJK font, or no font at all, still shows Chinese rather
 * than boxes. Set `HG_SYSTEM_FONTS=no` to leave the system's fonts out (and
 * see that the package's font alone is enough).
 */
export function fontConfigFile(systemFonts = process.env.HG_SYSTEM_FONTS !== 'no'): string {
  const fonts = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  // One configuration per checkout's font package (and choice): made once, reused by every launch and its font cache.
  const key = createHash('sha256').update(`${fonts} ${systemFonts}`).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `hg-fonts-${key}`);
  const file = join(dir, 'fonts.conf');
  if (existsSync(file)) return file;
  // Only the weights the pages use: fontconfig scans every file of a directory it is given.
  const chosen = join(dir, 'fonts');
  mkdirSync(chosen, { recursive: true });
  for (const weight of ['Regular', 'Bold']) {
    const link = join(chosen, `NotoSansHans-${weight}.otf`);
    if (!existsSync(link)) symlinkSync(join(fonts, `NotoSansHans-${weight}.otf`), link);
  }
  const prefer = ['sans-serif', 'serif', 'monospace', 'system-ui']
    .map((family) => `<alias><family>${family}</family><prefer><family>${PAGE_FONT_FAMILY}</family></prefer></alias>`)
    .join('\n  ');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${chosen}</dir>
  ${systemFonts ? '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' : ''}
  <cachedir>${join(dir, 'cache')}</cachedir>
  ${prefer}
</fontconfig>
`,
  );
  return file;
}

/**
 * Headless Chromium driven by playwright-core (no browser download), with
 * what this closed network needs: no background networking, no component
 * updates, no sync (each would try the internet); and its fonts from
 * {@link fontConfigFile}, so a screenshot shows Chinese on any machine.
 */
export async function launchBrowser(candidates = SYSTEM_CHROMIUM): Promise<Browser> {
  const { path } = await findChromium(candidates);
  return chromium.launch({
    executablePath: path,
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: fontConfigFile() },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** One browser for a mocha suite (launched before its tests, closed after them): call inside `describe`; answers a getter. */
export function suiteBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser?.close());
  return () => browser!;
}

/**
 * Collects every uncaught page error, console error and Content-Security-Policy
 * violation (reported by the page itself, so none goes unseen), for a test to
 * assert there were none. Call before the page loads.
 */
export async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => errors.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return errors;
}

/** Saves a full-page screenshot under test-output/ for a reviewer. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Whether the page scrolls sideways: the thing a phone layout must never do. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Opens the simulator at `url` in a new page of `context` and loads the demonstration hall as a newcomer would; answers the page and its error list. */
export async function openDemoHall(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = await watchErrors(page);
  await page.goto(`${url}/`);
  await page.locator('#load-demo').click();
  await page.locator('#who option', { hasText: '陈静' }).first().waitFor({ state: 'attached' });
  return { page, errors };
}

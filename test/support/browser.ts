/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
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

/**
 * Headless Chromium driven by playwright-core (no browser download), with
 * what this closed network needs: no background networking, no component
 * updates, no sync (each would try the internet).
 */
export async function launchBrowser(candidates = SYSTEM_CHROMIUM): Promise<Browser> {
  const { path } = await findChromium(candidates);
  return chromium.launch({
    executablePath: path,
    headless: true,
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

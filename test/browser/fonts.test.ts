/// <reference lib="dom" />
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { screenshot, suiteBrowser } from '../support/browser';
import { SimulatorHall } from '../support/simulator';

/**
 * How each Chinese character of an element's text is drawn in the element's
 * own font, and how a character no font has (U+0378, unassigned) is drawn:
 * a missing glyph is the same box whatever the character, a real glyph is
 * the character.
 */
function glyphsOf(page: Page, selector: string): Promise<{ chars: string[]; glyphs: string[]; missing: string; blank: string }> {
  // A plain script: the test's compiler would wrap named functions in a helper the page does not have.
  return page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    const style = getComputedStyle(el);
    const draw = (text) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const g = canvas.getContext('2d');
      g.font = style.fontWeight + ' 40px ' + style.fontFamily;
      g.fillText(text, 8, 48);
      return canvas.toDataURL();
    };
    const chars = [...new Set([...(el.textContent || '')].filter((c) => /\\p{Script=Han}/u.test(c)))];
    return { chars, glyphs: chars.map(draw), missing: draw('\\u0378'), blank: draw('') };
  })()`);
}

const TOKEN = 'dashboard-token-0123456789';

describe('Chinese in the browser on a machine without CJK fonts', function () {
  this.timeout(120_000);
  const browser = suiteBrowser();
  let hall: SimulatorHall;

  before(async () => {
    hall = await SimulatorHall.open({ now: '2026-11-23T10:20:00+08:00', env: { DASHBOARD_TOKEN: TOKEN } });
  });
  after(() => hall?.close());

  it('draws the labels of the simulator and the dashboard with real glyphs (the npm-shipped font), not boxes', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const [path, selectors] of [['/', ['h1', '#load-demo']], [`/dashboard?token=${TOKEN}`, ['h1', 'h2']]] as const) {
        await page.goto(`${hall.url}${path}`);
        for (const selector of selectors) await expectGlyphs(page, selector);
        await screenshot(page, `fonts-${path === '/' ? 'simulator' : 'dashboard'}-phone`);
      }
    } finally {
      await page.close();
    }
  });
});

/** Every Chinese character of the element is drawn as itself: two different characters look different, none is the missing-glyph box, none is empty. */
async function expectGlyphs(page: Page, selector: string): Promise<void> {
  const { chars, glyphs, missing, blank } = await glyphsOf(page, selector);
  expect(chars.length, `Chinese characters in ${selector}`).to.be.at.least(2);
  expect(new Set(glyphs).size, `${selector}: ${chars.join('')}`).to.equal(chars.length);
  expect(glyphs, `${selector}: ${chars.join('')} drawn as missing-glyph boxes`).to.not.include(missing);
  expect(glyphs).to.not.include(blank);
}

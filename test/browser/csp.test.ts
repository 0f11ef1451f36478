/// <reference lib="dom" />
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { openDemoHall, suiteBrowser, watchErrors } from '../support/browser';
import { DashboardVisitor } from '../support/dashboard';
import { Hall } from '../support/hall';
import { freePort } from '../support/ports';
import { SimulatorHall } from '../support/simulator';

/** Moves the mouse across a chart until ECharts shows its tooltip there; answers the tooltip's text. */
async function hoverChart(page: Page, id: string): Promise<string> {
  const chart = page.locator(`#${id}`);
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  for (let x = 0.2; x < 0.9; x += 0.1) await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.6, { steps: 3 });
  const tip = chart.locator('.chart-tip');
  await tip.waitFor();
  return tip.innerText();
}

describe('Content-Security-Policy in Chromium: no violation, no console error', function () {
  this.timeout(60_000);
  const browser = suiteBrowser();
  let context: BrowserContext;
  beforeEach(async () => {
    context = await browser().newContext();
  });
  afterEach(() => context.close());

  it('dashboard: both charts draw and show their tooltips under the page\'s CSP', async () => {
    const hall = await Hall.open({ now: '2026-11-23T10:20:00+08:00' });
    try {
      await hall.send('zhangsan', '晨检 36.5');
      await hall.send('sunqi', '晨检 37.9 咳嗽');
      const link = hall.url + (await new DashboardVisitor(hall).link('wangwu'));
      const page = await context.newPage();
      await page.setViewportSize({ width: 1366, height: 900 });
      const errors = await watchErrors(page);
      const res = await page.goto(link);
      expect(res!.headers()['content-security-policy']).to.contain("style-src 'self'").and.not.contain('unsafe-inline');
      await page.locator('#chart-trend[data-rendered="true"] canvas').first().waitFor();
      expect(await hoverChart(page, 'chart-progress')).to.contain('晨检已报');
      expect(await hoverChart(page, 'chart-trend')).to.contain('上报次数');
      expect(errors).to.deep.equal([]);
    } finally {
      await hall.close();
    }
  });

  it('simulator: the page, the demo, a message and a job run under its CSP', async () => {
    const port = await freePort();
    const hall = await SimulatorHall.open({ people: [], port, env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
    hall.service.outboxDispatcher.start();
    try {
      const { page, errors } = await openDemoHall(context, hall.url);
      await page.locator('#text').fill('晨检 36.5');
      await page.locator('#send').click();
      await page.locator('#chat .msg.bot').first().waitFor();
      await page.locator('[data-job="morning-summary"]').click();
      await page.locator('#job-status[data-outcome]:not([data-outcome="running"])').waitFor();
      expect(errors).to.deep.equal([]);
    } finally {
      await hall.close();
    }
  });
});

/// <reference lib="dom" />
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { openDemoHall, suiteBrowser, watchErrors } from '../support/browser';
import { DashboardVisitor } from '../support/dashboard';
import { Hall } from '../support/hall';
import { freePort } from '../support/ports';
import { SimulatorHall } from '../support/simulator';

/**
 * Shows a chart's tooltip as a hover does (ECharts' showTip action, which a
 * mouse move sends), so that the tooltip is built under the page's CSP
 * without depending on pointer timing; answers the tooltip's text.
 */
async function hoverChart(page: Page, id: string): Promise<string> {
  const chart = page.locator(`#${id}`);
  await chart.scrollIntoViewIfNeeded();
  await page.evaluate((el) => {
    const instance = (window as unknown as { echarts: { getInstanceByDom(e: Element | null): { dispatchAction(a: object): void } } }).echarts.getInstanceByDom(document.getElementById(el));
    instance.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
  }, id);
  const tip = chart.locator('.chart-tip');
  await tip.waitFor({ timeout: 30_000 });
  return tip.innerText();
}

describe('Content-Security-Policy in Chromium: no violation, no console error', function () {
  this.timeout(120_000);
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
      expect(await hoverChart(page, 'chart-trend')).to.contain('晨检已报（人）').and.contain('异常（次）');
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

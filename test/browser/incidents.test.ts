/// <reference lib="dom" />
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { horizontalOverflow, screenshot, suiteBrowser, watchErrors } from '../support/browser';
import { DashboardVisitor } from '../support/dashboard';
import type { Hall } from '../support/hall';
import { hallWithGroups, incidentUnderWay } from '../support/incident-hall';
import { readDocx } from '../support/docx';

describe('dashboard 应急处置 panel in Chromium', function () {
  this.timeout(120_000);
  const browser = suiteBrowser();
  let hall: Hall;
  let context: BrowserContext;

  beforeEach(async () => {
    hall = await hallWithGroups({});
    await incidentUnderWay(hall);
    hall.clock.set('2026-11-23T10:30:00+08:00');
    context = await browser().newContext({ acceptDownloads: true });
  });
  afterEach(async () => {
    await context.close();
    await hall.close();
  });

  async function open(width: number): Promise<{ page: Page; errors: string[] }> {
    const link = hall.url + (await new DashboardVisitor(hall).link('wangwu'));
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const errors = await watchErrors(page);
    await page.goto(link);
    await page.getByTestId('incidents').waitFor();
    return { page, errors };
  }

  it('shows the checklist, marks a step done from its form, and shows it done', async () => {
    const { page, errors } = await open(1366);
    const card = page.locator('article[data-incident="1"]');
    expect(await card.locator('tr[data-step="上报"]').getAttribute('class')).to.equal('overdue');
    expect(await card.locator('tr[data-step="上报"]').innerText()).to.contain('已超时 25分钟');
    expect(await card.locator('li[data-contact="赵六"]').innerText()).to.contain('36.6℃');

    const step = card.locator('tr[data-step="上报"]');
    await step.locator('input[name=note]').fill('已电话报市指挥部和疾控中心');
    await step.getByRole('button', { name: '完成' }).click();
    await page.getByTestId('flash').waitFor();
    expect(await page.getByTestId('flash').innerText()).to.contain('已记录 #1 5. 如实上报');
    expect(new URL(page.url()).searchParams.has('recorded')).to.equal(false);

    const done = page.locator('article[data-incident="1"] tr[data-step="上报"]');
    expect(await done.getAttribute('class')).to.equal('done');
    expect(await done.innerText()).to.contain('王五').and.contain('已电话报市指挥部和疾控中心');
    expect(await done.locator('form').count()).to.equal(0);
    expect(await hall.count('incident_step', "step = '上报' AND done_at IS NOT NULL")).to.equal(1);
    await screenshot(page, 'dashboard-incidents');
    expect(errors).to.deep.equal([]);
  });

  it('downloads the report as 应急处置报告-1.docx, a document a reader opens', async () => {
    const { page, errors } = await open(1366);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('incident-1-report').click()]);
    expect(download.suggestedFilename()).to.equal('应急处置报告-1.docx');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    expect((await readDocx(Buffer.concat(chunks))).text).to.contain('张三（1号窗口）');
    expect(errors).to.deep.equal([]);
  });

  it('fits a 360 px phone with no horizontal scroll', async () => {
    const { page, errors } = await open(360);
    expect(await horizontalOverflow(page)).to.equal(0);
    await screenshot(page, 'dashboard-incidents-phone');
    expect(errors).to.deep.equal([]);
  });
});

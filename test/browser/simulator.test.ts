/// <reference lib="dom" />
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, screenshot, watchErrors } from '../support/browser';
import { PEOPLE } from '../support/hall';
import { SimulatorHall } from '../support/simulator';
import { freePort } from '../support/ports';

async function openHall(people?: { name: string; window?: string; role?: string }[]): Promise<SimulatorHall> {
  const port = await freePort();
  const hall = await SimulatorHall.open({ now: '2026-11-23T10:20:00+08:00', people, port, env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
  // Pushes reach the page as the outbox delivers them, as in a running service.
  hall.service.outboxDispatcher.start();
  return hall;
}

describe('local simulator in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let context: BrowserContext;
  let hall: SimulatorHall;

  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser?.close());
  beforeEach(async () => {
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
    await hall?.close();
  });

  async function page(viewport = { width: 1366, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const p = await context.newPage();
    await p.setViewportSize(viewport);
    const errors = await watchErrors(p);
    await p.goto(`${hall.url}/`);
    return { page: p, errors };
  }

  async function sendAs(p: Page, name: string, text: string): Promise<void> {
    const value = await p.locator('#who option', { hasText: name }).first().getAttribute('value');
    await p.locator('#who').selectOption(value!);
    await p.locator('#text').fill(text);
    await p.locator('#send').click();
  }

  it('takes a newcomer from an empty directory to the demo hall, then a staff member reports a fever and the leaders see the alert', async () => {
    hall = await openHall([]);
    const { page: p, errors } = await page();
    await p.locator('#load-demo').click();
    await p.locator('#who option', { hasText: '陈静' }).first().waitFor({ state: 'attached' });
    const people = (await hall.request('GET', '/local/people')).json<unknown[]>();
    expect(people.length).to.be.above(10);
    expect(await p.locator('#who option').count()).to.equal(people.length);

    await sendAs(p, '陈静', '体温 37.8');
    await p.locator('#chat').getByText('37.8℃').first().waitFor();
    expect(await p.locator('#chat').innerText()).to.contain('体温 37.8').and.contain('37.8℃');
    await p.locator('#group').getByText('陈静').first().waitFor();
    expect(await p.locator('#group').innerText()).to.contain('37.8℃');
    await screenshot(p, 'simulator-alert');
    expect(errors).to.deep.equal([]);
  });

  it("runs the 08:45 summary at a chosen time and shows it in the leadership group's pane", async () => {
    hall = await openHall();
    const { page: p, errors } = await page();
    await p.locator('#job-at').fill('2026-11-23T08:45');
    await p.locator('[data-job="morning-summary"]').click();
    await p.locator('#job-status[data-outcome="done"]').waitFor();
    await p.locator('#group').getByText('晨检').first().waitFor();
    const [firing] = await hall.service.db.all<{ scheduledFor: string }>("SELECT scheduled_for AS \"scheduledFor\" FROM job_firing WHERE job = 'morning-summary'");
    expect(firing.scheduledFor).to.equal('2026-11-23T08:45');
    expect(errors).to.deep.equal([]);
  });

  it("shows the daily brief's chart inline in the leadership group's pane", async function () {
    // Drawing the chart (ECharts, then resvg) takes seconds on a busy machine.
    this.timeout(120_000);
    hall = await openHall();
    await hall.say('张三', '晨检 36.5 绿码');
    const { page: p, errors } = await page();
    await p.locator('#job-at').fill('2026-11-23T17:30');
    await p.locator('[data-job="daily-brief"]').click();
    await p.locator('#job-status[data-outcome="done"]').waitFor();
    const chart = p.locator('#group img.picture');
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    await p.waitForFunction(() => (document.querySelector('#group img.picture') as HTMLImageElement | null)?.complete === true);
    expect(await chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).to.be.above(300);
    expect(await chart.getAttribute('alt')).to.contain('近 14 天');
    await screenshot(p, 'simulator-brief-chart');
    expect(errors).to.deep.equal([]);
  });

  it("gives a leader a 看板 link that opens the dashboard in a new tab", async () => {
    hall = await openHall([]);
    await hall.post('/local/demo');
    const { page: p, errors } = await page();
    await sendAs(p, '王建国', '看板');
    const link = p.locator('#chat a[href*="/dashboard?t="]');
    await link.waitFor();
    const [dashboard] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await dashboard.locator('#chart-trend[data-rendered="true"] canvas').first().waitFor();
    expect(await dashboard.getByTestId('scope').innerText()).to.equal('全大厅');
    expect(await dashboard.getByTestId('kpi-alerts').innerText()).to.match(/未处置告警\s*3\s*严重 1/);
    await screenshot(dashboard, 'dashboard-demo');
    expect(errors).to.deep.equal([]);
  });

  it('fits a 360 px phone with no horizontal scroll', async () => {
    hall = await openHall([]);
    await hall.post('/local/demo');
    const { page: p, errors } = await page({ width: 360, height: 740 });
    await sendAs(p, '刘洋', '今日统计');
    await p.locator('#chat').getByText('今日统计').nth(1).waitFor();
    expect(await horizontalOverflow(p)).to.equal(0);
    await screenshot(p, 'simulator-phone');
    expect(errors).to.deep.equal([]);
  });

  it('shows a name holding markup as text and runs nothing of it', async () => {
    hall = await openHall([...PEOPLE, { name: '<img src=x onerror=alert(1)>', window: '1号窗口', role: 'staff' }]);
    const { page: p, errors } = await page();
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await sendAs(p, '<img src=x', '晨检 38.5');
    await p.locator('#group').getByText('<img src=x onerror=alert(1)>').first().waitFor();
    expect(await p.locator('#group img, #chat img, #who img').count()).to.equal(0);
    expect(dialogs).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('shows a critical alert with its buttons, and a tap sends the command as the person chosen; a voice message is marked voice', async () => {
    hall = await openHall();
    const { page: p, errors } = await page();
    await p.locator('#who option', { hasText: '张三' }).first().waitFor({ state: 'attached' });
    await p.locator('#voice').check();
    await sendAs(p, '张三', '体温三十八度六');
    await p.locator('#chat').getByText('🎤（语音）体温三十八度六').waitFor();
    await p.locator('#chat').getByText('（语音）听到的是：「体温 38.6」', { exact: false }).first().waitFor();
    const view = p.locator('#group button.action', { hasText: '查看' }).first();
    await view.waitFor();
    expect(await p.locator('#group button.action').allTextContents()).to.include.members(['已处置', '查看']);

    const leader = await p.locator('#who option', { hasText: '王五' }).first().getAttribute('value');
    await p.locator('#who').selectOption(leader!);
    await view.click();
    await p.locator('#chat .msg.me').getByText('应急 1').waitFor();
    await p.locator('#chat .msg.bot').getByText('应急处置 #1', { exact: false }).first().waitFor();
    expect(errors).to.deep.equal([]);
  });
});

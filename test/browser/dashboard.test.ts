/// <reference lib="dom" />
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, screenshot, watchErrors } from '../support/browser';
import { DashboardVisitor } from '../support/dashboard';
import { Hall } from '../support/hall';

const PHONE = { width: 360, height: 740 };
const PROJECTOR = { width: 1920, height: 1080 };

describe('dashboard in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let hall: Hall;
  let context: BrowserContext;
  let link: string;

  before(async () => {
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  beforeEach(async () => {
    hall = await Hall.open({ now: '2026-11-23T10:20:00+08:00' });
    await hall.send('zhangsan', '晨检 36.5');
    await hall.send('zhaoliu', '晨检 36.7 绿码');
    await hall.send('lisi', '晨检 36.6');
    await hall.send('sunqi', '晨检 37.9 咳嗽');
    await hall.send('lisi', '明日排班 张三 赵六');
    link = hall.url + (await new DashboardVisitor(hall).link('wangwu'));
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
    await hall.close();
  });

  async function open(viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const errors = await watchErrors(page);
    await page.goto(link);
    await page.locator('#chart-trend[data-rendered="true"] canvas').first().waitFor();
    return { page, errors };
  }

  it('opens from a 看板 link with the right counts and rendered charts', async () => {
    const { page, errors } = await open(PROJECTOR);
    expect(new URL(page.url()).search).to.equal('');
    expect(await page.getByTestId('kpi-morning').innerText()).to.match(/晨检已报\s*4\s*\/\s*6/);
    expect(await page.getByTestId('kpi-alerts').innerText()).to.match(/未处置告警\s*1/);
    expect(await page.locator('#chart-progress canvas').count()).to.be.greaterThan(0);
    const painted = await page.locator('#chart-trend canvas').first().evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
      return ink;
    });
    expect(painted, 'pixels drawn on the trend chart').to.be.greaterThan(1000);
    await screenshot(page, 'dashboard-projector');
    expect(errors).to.deep.equal([]);
  });

  it('acknowledges an alert from the page and shows it handled', async () => {
    const { page, errors } = await open(PROJECTOR);
    const alert = page.locator('li.alert.critical');
    await alert.locator('input[name=note]').fill('已送发热门诊，密接已排查');
    await alert.getByRole('button', { name: '处置' }).click();
    await page.getByTestId('flash').waitFor();
    expect(await page.getByTestId('flash').innerText()).to.contain('已处置告警');
    expect(await page.getByTestId('kpi-alerts').innerText()).to.match(/未处置告警\s*0/);
    expect(await page.locator('li.alert.handled').innerText()).to.contain('王五').and.contain('已送发热门诊');
    expect(await hall.count('alert', "status = 'acknowledged'")).to.equal(1);
    await screenshot(page, 'dashboard-acknowledged');
    expect(errors).to.deep.equal([]);
  });

  it('tells the outcome of an acknowledgement once: a reload (as the auto-refresh does) does not repeat it', async () => {
    const { page } = await open(PROJECTOR);
    const alert = page.locator('li.alert.critical');
    await alert.locator('input[name=note]').fill('已安排居家观察');
    await alert.getByRole('button', { name: '处置' }).click();
    await page.getByTestId('flash').waitFor();
    expect(new URL(page.url()).searchParams.has('done')).to.equal(false);
    await page.reload();
    await page.locator('#chart-trend[data-rendered="true"] canvas').first().waitFor();
    expect(await page.getByTestId('flash').count()).to.equal(0);
    expect(await page.locator('li.alert.handled').innerText()).to.contain('已安排居家观察');
  });

  it('fits a 360 px phone with no horizontal scroll', async () => {
    const { page, errors } = await open(PHONE);
    expect(await horizontalOverflow(page)).to.equal(0);
    const chart = await page.locator('#chart-progress').boundingBox();
    expect(chart!.width).to.be.at.most(PHONE.width);
    await screenshot(page, 'dashboard-phone');
    expect(errors).to.deep.equal([]);
  });

  it('shows a 401 page, not the data, to a browser without a link', async () => {
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    const res = await page.goto(`${hall.url}/dashboard`);
    expect(res!.status()).to.equal(401);
    expect(await page.locator('body').innerText()).to.contain('看板').and.not.contain('孙七');
    expect(await horizontalOverflow(page)).to.equal(0);
  });
});

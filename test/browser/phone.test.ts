/// <reference lib="dom" />
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { stepNamed } from '../../bot/incidents/steps';
import { horizontalOverflow, screenshot, suiteBrowser, watchErrors } from '../support/browser';
import { freePort } from '../support/ports';
import { SimulatorHall } from '../support/simulator';

const PHONE = { width: 390, height: 844 };

/**
 * What a cell's text looks like on screen: for each table cell outside the
 * checklist, the number of lines its text takes (a word broken over two lines
 * takes two), with the text.
 */
function cellLines(page: Page): Promise<{ text: string; lines: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('table:not(.checklist) th, table:not(.checklist) td'))
      .filter((cell) => !cell.hasAttribute('colspan') && (cell as HTMLElement).innerText.trim() !== '')
      .map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return { text: (cell as HTMLElement).innerText.trim(), lines: tops.size };
      }),
  );
}

describe('the dashboard on a 390 px phone (Chromium, the demo hall)', function () {
  this.timeout(120_000);
  const browser = suiteBrowser();
  let hall: SimulatorHall;
  let context: BrowserContext;

  before(async () => {
    const port = await freePort();
    hall = await SimulatorHall.open({ now: '2026-11-23T10:30:00+08:00', people: [], port });
    await hall.post('/local/demo');
  });
  after(() => hall?.close());
  beforeEach(async () => {
    context = await browser().newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  });
  afterEach(() => context.close());

  /** A leader's, a lead's or the administrator's dashboard, each in a browser of their own (a phone is one person's). */
  async function dashboardOf(name: string): Promise<{ page: Page; errors: string[] }> {
    const reply = (await hall.say(name, '看板'))!;
    const link = /https?:\/\/\S+\/dashboard\?t=[\w.-]+/.exec(reply)![0];
    await context.close();
    context = await browser().newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors = await watchErrors(page);
    await page.goto(link);
    await page.locator('#chart-trend[data-rendered="true"] canvas').first().waitFor();
    return { page, errors };
  }

  it("keeps each checklist cell's label, gives each step a placeholder of its own that fits, and breaks no word in a table", async () => {
    const { page, errors } = await dashboardOf('王建国');
    const steps = page.locator('table.checklist tbody tr');
    expect(await steps.count()).to.equal(7);
    for (const row of await steps.all()) {
      const labels = await row.locator('td').evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content));
      expect(labels).to.deep.equal(['"负责组："', '"时限："', '"状态："']);
    }

    const forms = await page.locator('table.checklist form').evaluateAll((all) =>
      all.map((form) => {
        const input = form.querySelector('input[name="note"]') as HTMLInputElement;
        const style = getComputedStyle(input);
        const ink = document.createElement('canvas').getContext('2d')!;
        ink.font = style.font;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { step: (form.querySelector('input[name="step"]') as HTMLInputElement).value, placeholder: input.placeholder, fits: ink.measureText(input.placeholder).width <= room };
      }),
    );
    expect(forms.length, 'steps still to do').to.be.at.least(3);
    for (const f of forms) {
      expect(f.placeholder, f.step).to.equal(`如：${stepNamed(f.step)!.example}`);
      expect(f.fits, `${f.step}: ${f.placeholder}`).to.equal(true);
    }
    expect(new Set(forms.map((f) => f.placeholder)).size).to.equal(forms.length);

    const broken = (await cellLines(page)).filter((c) => c.lines > 1);
    expect(broken, 'table cells wrapped inside a word').to.deep.equal([]);
    expect(await page.locator('tr[data-item="酒精棉球"] th').innerText()).to.equal('酒精棉球');
    expect(await horizontalOverflow(page)).to.equal(0);
    await screenshot(page, 'dashboard-phone-leader');
    expect(errors).to.deep.equal([]);
  });

  it("shows a leader and a window lead no administrator's notice, and the administrator the calendar's", async () => {
    for (const name of ['王建国', '刘洋']) {
      const { page } = await dashboardOf(name);
      expect(await page.getByTestId('calendar-warning').count(), name).to.equal(0);
      expect(await page.locator('body').innerText(), name).not.to.contain('calendar import');
    }
    const { page, errors } = await dashboardOf('系统管理员');
    expect(await page.getByTestId('calendar-warning').innerText()).to.contain('npm run cli -- calendar import');
    await screenshot(page, 'dashboard-phone-admin');
    expect(errors).to.deep.equal([]);
  });
});

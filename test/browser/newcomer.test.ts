/// <reference lib="dom" />
import { expect } from 'chai';
import { horizontalOverflow, openDemoHall, screenshot, suiteBrowser } from '../support/browser';
import { freePort } from '../support/ports';
import { SimulatorHall } from '../support/simulator';

const PHONE = { width: 390, height: 844 };

describe("a newcomer's first minutes in the simulator (Chromium)", function () {
  this.timeout(120_000);
  const browser = suiteBrowser();
  let hall: SimulatorHall;
  afterEach(() => hall?.close());

  it('on a 390 px phone: 载入演示数据 selects a staff member, shows the open alerts to the leaders, and the message box is on screen above the job panel', async () => {
    const port = await freePort();
    hall = await SimulatorHall.open({ now: '2026-11-23T10:20:00+08:00', people: [], port, env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
    const context = await browser().newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const { page, errors } = await openDemoHall(context, hall.url);

      const selected = await page.locator('#who').evaluate((s: HTMLSelectElement) => ({ role: s.selectedOptions[0]?.dataset.role, text: s.selectedOptions[0]?.textContent }));
      expect(selected.role, `selected: ${selected.text}`).to.equal('staff');
      expect(await page.getByTestId('who-role').innerText()).to.contain('工作人员').and.not.contain('管理员');

      const group = page.locator('#group');
      await group.getByText('防疫告警').first().waitFor();
      const open = await hall.service.db.all<{ id: number; name: string }>("SELECT a.id, s.name FROM alert a JOIN staff s ON s.id = a.staff_id WHERE a.status = 'open' ORDER BY a.id");
      expect(open).to.have.length(2);
      for (const alert of open) expect(await group.innerText()).to.contain(`防疫告警 #${alert.id}`).and.contain(alert.name);

      await page.evaluate(() => window.scrollTo(0, 0));
      const box = (await page.locator('#text').boundingBox())!;
      const jobs = (await page.getByTestId('jobs').boundingBox())!;
      expect(box.y + box.height, 'the message box bottom, without scrolling').to.be.at.most(PHONE.height);
      expect(box.y, 'the message box comes before the job panel').to.be.below(jobs.y);
      expect(await horizontalOverflow(page)).to.equal(0);
      await screenshot(page, 'simulator-newcomer-phone');
      expect(errors).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});

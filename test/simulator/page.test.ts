import { expect } from 'chai';
import { JOBS } from '../../jobs';
import { SimulatorHall } from '../support/simulator';

describe('local simulator: the page', () => {
  let hall: SimulatorHall;
  let page: string;
  let script: string;
  before(async () => {
    hall = await SimulatorHall.open({ env: { TIMEZONE: 'Asia/Urumqi' } });
    page = (await hall.request('GET', '/')).text;
    script = (await hall.request('GET', '/local/simulator.js')).text;
  });
  after(() => hall.close());

  it('has the elements the browser tests drive', () => {
    for (const id of ['who', 'text', 'send', 'chat', 'group', 'job-at', 'job-status', 'load-demo']) expect(page, id).to.contain(`id="${id}"`);
    expect(page).to.match(/<input type="datetime-local" id="job-at"/);
  });

  it('has one button per scheduled job, labelled in Chinese', () => {
    for (const job of JOBS) expect(page).to.match(new RegExp(`<button[^>]*data-job="${job.name}"[^>]*>[^<]*[\\u4e00-\\u9fff]+[^<]*</button>`));
    expect(page).to.contain('>晨检汇总</button>');
  });

  it('carries the hall time zone for the job time', () => {
    expect(page).to.contain('data-timezone="Asia/Urumqi"');
    expect(page).not.to.contain('{{');
  });

  it('has no inline script or event handler (the CSP would block them)', () => {
    expect(page).not.to.match(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.to.match(/\son[a-z]+\s*=/i);
    expect(page).to.contain('<script src="/local/simulator.js" defer></script>');
  });

  it('builds messages as text, never as markup', () => {
    expect(script).not.to.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(script).to.contain("rel = 'noopener noreferrer'");
  });
});

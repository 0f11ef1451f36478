import { expect } from 'chai';
import { JOBS } from '../../jobs';
import { parseLocalMinute } from '../../bot/simulator/jobs';
import { SimulatorHall } from '../support/simulator';

interface Fired {
  job: string;
  outcome: string;
  detail: string;
  scheduledFor: string;
}

describe('local simulator: running scheduled jobs', () => {
  let hall: SimulatorHall;
  beforeEach(async () => {
    hall = await SimulatorHall.open({ now: '2026-11-23T08:05:00+08:00' });
  });
  afterEach(() => hall.close());

  const ledger = (job: string) =>
    hall.service.db.all<{ scheduledFor: string; run: unknown; outcome: string; trigger: string }>(
      'SELECT scheduled_for AS "scheduledFor", run, outcome, trigger FROM job_firing WHERE job = ? ORDER BY run',
      [job],
    );

  it('runs morning-summary for a chosen local time: the summary reaches the group and the ledger has the firing', async () => {
    await hall.say('张三', '晨检 36.5 绿码');
    const answer = await hall.post('/local/jobs/morning-summary', { at: '2026-11-23T08:45' });
    expect(answer.status).to.equal(200);
    expect(answer.json<Fired>()).to.include({ outcome: 'done', scheduledFor: '2026-11-23T08:45' });
    expect(answer.json<Fired>().detail).to.contain('1/6');
    await hall.deliver();
    const group = await hall.group();
    expect(group).to.have.length(1);
    expect(group[0]).to.contain('晨检汇总').and.contain('2026-11-23 08:45');
    expect(await ledger('morning-summary')).to.deep.equal([{ scheduledFor: '2026-11-23T08:45', run: 0, outcome: 'done', trigger: 'simulator' }]);
  });

  it('reads the time in the hall time zone, not the server one', async () => {
    const hall2 = await SimulatorHall.open({ env: { TIMEZONE: 'Asia/Urumqi' } });
    try {
      const answer = await hall2.post('/local/jobs/morning-summary', { at: '2026-11-23T08:45' });
      expect(answer.json<Fired>().scheduledFor).to.equal('2026-11-23T08:45');
      const [row] = await hall2.service.db.all<{ firedFor: string }>('SELECT scheduled_for AS "firedFor" FROM job_firing');
      expect(row.firedFor).to.equal('2026-11-23T08:45');
    } finally {
      await hall2.close();
    }
  });

  it('runs for now when no time is given', async () => {
    const answer = await hall.post('/local/jobs/morning-summary', {});
    expect(answer.json<Fired>()).to.include({ outcome: 'done', scheduledFor: '2026-11-23T08:05' });
    const empty = await hall.post('/local/jobs/morning-summary', { at: '' });
    expect(empty.json<Fired>()).to.include({ outcome: 'done', scheduledFor: '2026-11-23T08:05' });
  });

  it('forces the firing: a Saturday runs, and a second run of the same minute runs again', async () => {
    const saturday = await hall.post('/local/jobs/morning-summary', { at: '2026-11-28T08:45' });
    expect(saturday.json<Fired>()).to.include({ outcome: 'done', scheduledFor: '2026-11-28T08:45' });
    const again = await hall.post('/local/jobs/morning-summary', { at: '2026-11-28T08:45' });
    expect(again.json<Fired>().outcome).to.equal('done');
    expect((await ledger('morning-summary')).map((r) => Number(r.run))).to.deep.equal([0, 1]);
    await hall.deliver();
    expect(await hall.group()).to.have.length(2);
  });

  it('runs every job of JOBS by its name', async () => {
    for (const job of JOBS) {
      const answer = await hall.post(`/local/jobs/${job.name}`, { at: '2026-11-23T16:00' });
      expect(answer.status, job.name).to.equal(200);
      expect(answer.json<Fired>(), job.name).to.include({ job: job.name, outcome: 'done' });
    }
  });

  it('answers 404 to an unknown job and runs nothing', async () => {
    const answer = await hall.post('/local/jobs/coffee-break', {});
    expect(answer.status).to.equal(404);
    expect(answer.json<{ error: string }>().error).to.contain('没有名为').and.contain('morning-summary');
    expect(await hall.service.db.all('SELECT id FROM job_firing')).to.have.length(0);
  });

  for (const at of ['tomorrow', '2026-13-01T08:45', '2026-02-30T08:00', '2026-11-23T24:00', '2026-11-23 08:45', 1764000000000]) {
    it(`answers 400 in Chinese to the time ${JSON.stringify(at)} and runs nothing`, async () => {
      const answer = await hall.post('/local/jobs/morning-summary', { at });
      expect(answer.status).to.equal(400);
      expect(answer.json<{ error: string }>().error).to.contain('运行时间格式不正确').and.contain('Asia/Shanghai');
      expect(await hall.service.db.all('SELECT id FROM job_firing')).to.have.length(0);
    });
  }

  it('answers 400 to a body that is not a JSON object', async () => {
    const answer = await hall.request('POST', '/local/jobs/morning-summary', { body: '[1]', headers: { 'content-type': 'application/json' } });
    expect(answer.status).to.equal(400);
  });
});

describe('parseLocalMinute', () => {
  it('reads what a datetime-local input sends as wall-clock time in the zone', () => {
    expect(parseLocalMinute('2026-11-23T08:45', 'Asia/Shanghai')?.toISOString()).to.equal('2026-11-23T00:45:00.000Z');
    expect(parseLocalMinute('2026-11-23T08:45:30', 'Asia/Shanghai')?.toISOString()).to.equal('2026-11-23T00:45:00.000Z');
    expect(parseLocalMinute('2026-07-01T09:00', 'Europe/Berlin')?.toISOString()).to.equal('2026-07-01T07:00:00.000Z');
  });

  it('refuses a minute that does not exist', () => {
    expect(parseLocalMinute('2026-02-29T08:00', 'Asia/Shanghai')).to.equal(null);
    expect(parseLocalMinute('2026-03-29T02:30', 'Europe/Berlin')).to.equal(null);
    expect(parseLocalMinute('2026-11-23T08:60', 'Asia/Shanghai')).to.equal(null);
    expect(parseLocalMinute('', 'Asia/Shanghai')).to.equal(null);
  });
});

import { expect } from 'chai';
import { deliveriesSince } from '../../bot/adapters/local/deliveries';
import { openDatabase } from '../../bot/db/open';
import { runCli } from '../support/cli';
import { openTestDatabase, seedStaff, testDatabaseUrl } from '../support/db';
import { SimulatorHall } from '../support/simulator';

describe('local simulator: the feed shows every delivery, whoever sent it', function () {
  // Each CLI run starts a process of its own (from the bundle, rebuilt when a source is newer).
  this.timeout(60_000);
  let hall: SimulatorHall | undefined;
  afterEach(() => hall?.close());

  it("shows in /local/feed the summary a job fired by the CLI sent, against the running service's database", async () => {
    hall = await SimulatorHall.open({ restartable: true });
    await hall.say('张三', '晨检 36.5 绿码');
    const seen = Math.max(0, ...(await hall.feed()).map((d) => d.seq));

    const run = await runCli(['jobs', 'run', 'morning-summary', '--at', '2026-11-23T08:45:00+08:00', '--force'], { DATABASE_URL: hall.databaseUrl, LOG_LEVEL: 'error' });
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.contain('messages: 1 sent');

    const fresh = await hall.feed(seen);
    expect(fresh.map((d) => d.to)).to.deep.equal(['leaders']);
    expect(fresh[0].body).to.contain('【晨检汇总】').and.contain('已报 1/');
  });

  it('runs a CLI job on a database of platform users with no platform configured: no simulator guard, its pushes recorded for the feed', async () => {
    const url = testDatabaseUrl(true);
    const db = await openTestDatabase(undefined, url);
    await seedStaff(db, [
      { name: '张三', window: '1号窗口', wecomUserId: 'zhangsan' },
      { name: '王五', window: '领导小组', role: 'leader', wecomUserId: 'wangwu' },
    ]);
    await db.close();

    const run = await runCli(['jobs', 'run', 'morning-nudge', '--at', '2026-11-23T07:30:00+08:00'], { DATABASE_URL: url, LOG_LEVEL: 'error' });
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).not.to.contain('模拟器');
    expect(run.stdout).to.match(/done: 提醒 \d+ 人晨检/);

    const after = await openDatabase(url).then(async (again) => {
      try {
        return await deliveriesSince(again, 0);
      } finally {
        await again.close();
      }
    });
    expect(after.length).to.be.above(0);
    expect(after.every((d) => d.body.startsWith('【晨检提醒】'))).to.equal(true);
  });

  it("shows the daily brief's chart inline: the feed item carries a link of this origin that serves the PNG", async () => {
    hall = await SimulatorHall.open({ now: '2026-11-23T17:30:00+08:00' });
    await hall.say('张三', '晨检 36.5 绿码');
    const fired = await hall.post('/local/jobs/daily-brief', {});
    expect(fired.json()).to.include({ outcome: 'done' });
    await hall.deliver();

    const chart = (await hall.feed()).find((d) => d.image !== undefined);
    expect(chart, 'an image message in the feed').to.not.equal(undefined);
    expect(chart!.to).to.equal('leaders');
    expect(chart!.body).to.contain('近 14 天');
    expect(chart!.image).to.match(/^\/images\/\d+\.png\?exp=\d+&sig=/);
    const picture = await hall.request('GET', chart!.image!);
    expect(picture.status).to.equal(200);
    expect(picture.headers['content-type']).to.equal('image/png');
  });

  it('numbers deliveries in order and keeps the newest 500', async () => {
    hall = await SimulatorHall.open();
    const { recordDelivery } = await import('../../bot/adapters/local/deliveries');
    const at = new Date().toISOString();
    const seqs: number[] = [];
    for (let i = 0; i < 505; i++) seqs.push(await recordDelivery(hall.service.db, { to: 'leaders', body: `第 ${i} 条`, at }));
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
    const kept = await hall.feed();
    expect(kept).to.have.length(500);
    expect(kept.at(-1)!.body).to.equal('第 504 条');
    expect(await hall.feed(seqs.at(-2)!)).to.have.length(1);
  });
});

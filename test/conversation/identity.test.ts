import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/log';
import { createService, type Service } from '../../bot/service';
import { ManualClock } from '../../bot/time';
import { morningNudge } from '../../jobs/morning-nudge';
import { openTestDatabase, seedStaff } from '../support/db';
import { dingtalkEnv, postToDingtalk } from '../support/dingtalk-client';
import { FakeDingtalk } from '../support/fake-dingtalk';
import { FakeWecom } from '../support/fake-wecom';
import { postToWecom, TEST_WECOM, wecomEnv } from '../support/wecom-client';

describe('one identity across WeCom and DingTalk', () => {
  let wecom: FakeWecom;
  let dingtalk: FakeDingtalk;
  let service: Service;
  let url: string;
  const clock = new ManualClock('2026-11-23T08:00:00+08:00');

  beforeEach(async () => {
    clock.set('2026-11-23T08:00:00+08:00');
    wecom = await FakeWecom.start();
    dingtalk = await FakeDingtalk.start();
    const db = await openTestDatabase();
    await seedStaff(db, [
      { name: '张三', window: '1号窗口', wecomUserId: 'zhangsan-wx', dingtalkUserId: 'zhangsan-dt' },
      { name: '赵六', window: '1号窗口', wecomUserId: 'zhaoliu-wx', dingtalkUserId: 'zhaoliu-dt' },
      { name: '孙七', window: '1号窗口', dingtalkUserId: 'sunqi-dt' },
    ]);
    service = await createService({ config: loadConfig({ ...wecomEnv(wecom.url), ...dingtalkEnv(dingtalk.url) }), log: silentLogger, clock, db });
    url = `http://127.0.0.1:${((await service.listen(0, '127.0.0.1', { background: false })).address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await service.close();
    await wecom.close();
    await dingtalk.close();
  });

  const viaDingtalk = async (from: string, content: string) => {
    await postToDingtalk(url, { from, content, sessionWebhook: dingtalk.sessionWebhook() }, clock.now().getTime());
    await service.outboxDispatcher.drain();
    return dingtalk.sessionTexts().at(-1);
  };

  it('keeps one record and one history for a person on both platforms, replying on the platform the message came from', async () => {
    const first = await postToWecom(url, TEST_WECOM, { from: 'zhangsan-wx', content: '晨检 36.5' });
    expect(first.reply).to.contain('36.5℃');
    clock.set('2026-11-23T12:00:00+08:00');
    expect(await viaDingtalk('zhangsan-dt', '午检 36.7')).to.contain('36.7℃');
    expect(await viaDingtalk('zhangsan-dt', '我的记录')).to.contain('晨检 36.5℃；午检 36.7℃');
    const [row] = await service.db.all<{ n: unknown; people: unknown }>('SELECT count(*) AS n, count(DISTINCT staff_id) AS people FROM report');
    expect([Number(row.n), Number(row.people)]).to.deep.equal([2, 1]);
  });

  it('nudges each person on the platform they used last, else WeCom, else DingTalk', async () => {
    await viaDingtalk('zhangsan-dt', '更正 36.5');
    await service.db.run(`DELETE FROM report`);
    await service.jobs.runner.fire(morningNudge, new Date('2026-11-23T08:30:00+08:00'), { trigger: 'cli', force: true });
    await service.outboxDispatcher.drain();
    expect(dingtalk.directTexts().map((d) => d.to).sort()).to.deep.equal(['sunqi-dt', 'zhangsan-dt']);
    expect(wecom.directTexts().map((d) => d.to)).to.deep.equal(['zhaoliu-wx']);
  });

  it('pushes leadership alerts to every configured leadership channel', async () => {
    await postToWecom(url, TEST_WECOM, { from: 'zhaoliu-wx', content: '38.6' });
    await service.outboxDispatcher.drain();
    expect(wecom.groupTexts()).to.have.length(1);
    expect(dingtalk.groupTexts()).to.have.length(1);
    expect(dingtalk.groupTexts()[0]).to.equal(wecom.groupTexts()[0]);
  });
});

import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/log';
import { createService, type Service } from '../bot/service';
import { ManualClock } from '../bot/time';
import { openTestDatabase, seedStaff } from './support/db';

describe('the service with no platform configured', () => {
  let service: Service;
  let url: string;
  beforeEach(async () => {
    const db = await openTestDatabase();
    await seedStaff(db, [
      { name: '张三', window: '1号窗口' },
      { name: '王五', window: '领导小组', role: 'leader' },
    ]);
    service = await createService({ config: loadConfig({}), log: silentLogger, clock: new ManualClock('2026-11-23T08:00:00+08:00'), db });
    const server = await service.listen(0, '127.0.0.1', { background: false });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => service.close().catch(() => undefined));

  it('reports healthy while the database answers', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.include({ status: 'ok', database: service.db.dialect });
  });

  it('reports the outbox backlog beside the database', async () => {
    await service.db.run(
      `INSERT INTO outbox (channel, target, rate_key, category, body, status, attempts, next_attempt_at, created_at)
       VALUES ('local-group', 'leaders', 'k', 'alert', 'x', 'pending', 0, '2026-11-23T00:00:00.000Z', '2026-11-23T00:00:00.000Z'),
              ('local-group', 'leaders', 'k', 'alert', 'y', 'failed', 10, '2026-11-23T00:00:00.000Z', '2026-11-22T00:00:00.000Z')`,
    );
    const body = (await (await fetch(`${url}/healthz`)).json()) as { outbox: unknown };
    expect(body.outbox).to.deep.equal({ pending: 1, sending: 0, failed: 1, oldestPendingAt: '2026-11-23T00:00:00.000Z' });
  });

  it('reports 503 when the database does not answer, saying so beside the platforms it serves', async () => {
    service.db.retry = { attempts: 1, delayMs: () => 0, sleep: async () => undefined };
    await service.db.dataSource.destroy();
    const res = await fetch(`${url}/healthz`);
    expect(res.status).to.equal(503);
    expect(await res.json()).to.deep.include({ status: 'unavailable', databaseReachable: false, database: service.db.dialect, platforms: ['local'] });
  });

  it('serves the local chat simulator, where a person of the directory can report and the group push shows', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain('HallGuard');
    const people = (await (await fetch(`${url}/local/people`)).json()) as { id: number; name: string }[];
    const zhang = people.find((p) => p.name === '张三')!;
    const res = await fetch(`${url}/local/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: String(zhang.id), text: '晨检 37.8' }) });
    expect(((await res.json()) as { reply: string }).reply).to.contain('37.8℃').and.contain('告警 #1');
    await service.outboxDispatcher.drain();
    const feed = (await (await fetch(`${url}/local/feed`)).json()) as { to: string; body: string }[];
    expect(feed.map((d) => d.to)).to.deep.equal(['leaders']);
    expect(feed[0].body).to.contain('#1').and.contain('张三');
  });

  it('answers 400 to a simulator message that is not JSON', async () => {
    expect((await fetch(`${url}/local/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'hello' })).status).to.equal(400);
  });
});

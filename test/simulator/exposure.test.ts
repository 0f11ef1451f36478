import { expect } from 'chai';
import { SimulatorRefused } from '../../bot/simulator/access';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/log';
import { createService } from '../../bot/service';
import { ManualClock } from '../../bot/time';
import { openTestDatabase, seedStaff } from '../support/db';
import { SimulatorHall } from '../support/simulator';

const ROUTES: [string, string][] = [
  ['GET', '/'],
  ['GET', '/local/people'],
  ['GET', '/local/feed'],
  ['GET', '/local/simulator.js'],
  ['POST', '/local/message'],
  ['POST', '/local/jobs/morning-summary'],
  ['POST', '/local/demo'],
];

describe('local simulator listening beyond loopback', () => {
  let hall: SimulatorHall;
  afterEach(() => hall?.close());

  const send = (method: string, path: string, headers: Record<string, string> = {}) =>
    hall.request(method, path, method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json', ...headers } } : { headers });

  for (const [method, path] of ROUTES) {
    it(`answers 401 to ${method} ${path} without the generated token when HOST=0.0.0.0`, async () => {
      hall = await SimulatorHall.open({ env: { HOST: '0.0.0.0' } });
      expect(hall.service.simulator!.access!.generated).to.equal(true);
      const answer = await send(method, path);
      expect(answer.status).to.equal(401);
      expect(answer.text).to.contain('口令');
    });
  }

  it("does not let a stranger act as a leader: 看板 with no or a wrong token gets no link and runs nothing", async () => {
    hall = await SimulatorHall.open({ env: { HOST: '0.0.0.0', SIMULATOR_TOKEN: 'correct-horse-battery-staple' } });
    const leader = (await hall.service.services.directory.active()).find((p) => p.name === '王五')!;
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-wrong-token' }, { cookie: 'hg_simulator=wrong-token-wrong-token' }]) {
      const answer = await hall.request('POST', '/local/message', { body: JSON.stringify({ userId: String(leader.id), text: '看板' }), headers: { 'content-type': 'application/json', ...headers } });
      expect(answer.status).to.equal(401);
      expect(answer.text).not.to.contain('/dashboard');
    }
    expect(await hall.service.db.all('SELECT id FROM inbound_message')).to.have.length(0);
  });

  it('serves whoever holds SIMULATOR_TOKEN, as a bearer or through the cookie that opening /?token= sets', async () => {
    hall = await SimulatorHall.open({ env: { HOST: '0.0.0.0', SIMULATOR_TOKEN: 'correct-horse-battery-staple' } });
    expect(hall.service.simulator!.access).to.deep.equal({ token: 'correct-horse-battery-staple', generated: false });
    expect((await send('GET', '/local/people', { authorization: 'Bearer correct-horse-battery-staple' })).status).to.equal(200);

    const opened = await send('GET', '/?token=correct-horse-battery-staple');
    expect(opened.status).to.equal(303);
    expect(opened.headers.location).to.equal('/');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).to.match(/^hg_simulator=correct-horse-battery-staple;/).and.contain('HttpOnly').and.contain('SameSite=Strict');
    expect((await send('GET', '/', { cookie: cookie.split(';')[0] })).status).to.equal(200);
    expect((await send('POST', '/local/demo', { cookie: cookie.split(';')[0] })).status).to.not.equal(401);
    expect((await send('GET', '/?token=guessed-guessed-guessed')).status).to.equal(401);
  });

  it('needs no token on loopback, as before', async () => {
    hall = await SimulatorHall.open();
    expect(hall.service.simulator!.access).to.equal(null);
    expect((await send('GET', '/local/people')).status).to.equal(200);
  });

  it('generates a different token at every start', async () => {
    hall = await SimulatorHall.open({ env: { HOST: '0.0.0.0' } });
    const first = hall.service.simulator!.access!.token;
    await hall.close();
    hall = await SimulatorHall.open({ env: { HOST: '0.0.0.0' } });
    const second = hall.service.simulator!.access!.token;
    expect(second).to.not.equal(first);
    expect(second).to.have.length.above(20);
  });
});

describe('local simulator on a database of platform users', () => {
  const platformUsers = [
    { name: '张三', window: '1号窗口', wecomUserId: 'zhangsan' },
    { name: '王五', window: '领导小组', role: 'leader', dingtalkUserId: 'manager4711' },
  ];

  it('refuses to start, naming the way out, and leaves the database as it was', async () => {
    const db = await openTestDatabase();
    await seedStaff(db, platformUsers);
    try {
      const err = await createService({ config: loadConfig({}), log: silentLogger, clock: new ManualClock('2026-11-23T08:00:00+08:00'), db }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(SimulatorRefused);
      expect((err as Error).message).to.contain('2 人').and.contain('SIMULATOR_ALLOW_PLATFORM_USERS=yes').and.contain('SIMULATOR=off');
      expect(await db.all('SELECT id FROM staff')).to.have.length(2);
    } finally {
      await db.close();
    }
  });

  it('starts when SIMULATOR_ALLOW_PLATFORM_USERS=yes, or with the simulator off', async () => {
    for (const env of [{ SIMULATOR_ALLOW_PLATFORM_USERS: 'yes' }, { SIMULATOR: 'off' }]) {
      const db = await openTestDatabase();
      await seedStaff(db, platformUsers);
      const service = await createService({ config: loadConfig(env), log: silentLogger, clock: new ManualClock('2026-11-23T08:00:00+08:00'), db });
      expect(Boolean(service.simulator)).to.equal(env.SIMULATOR !== 'off');
      await service.close();
    }
  });

  it('does not count the demonstration hall, or people without a platform id, as platform users', async () => {
    const db = await openTestDatabase();
    await seedStaff(db, [{ name: '刘洋', window: '1号窗口', wecomUserId: 'demo-liuyang' }, { name: '陈静', window: '1号窗口' }]);
    const service = await createService({ config: loadConfig({}), log: silentLogger, clock: new ManualClock('2026-11-23T08:00:00+08:00'), db });
    expect(service.simulator).to.not.equal(undefined);
    await service.close();
  });
});

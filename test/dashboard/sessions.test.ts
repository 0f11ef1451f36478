import { expect } from 'chai';
import { signingKey, sign } from '../../bot/dashboard/tokens';
import { DashboardVisitor } from '../support/dashboard';
import { Hall } from '../support/hall';

const OPERATOR = 'operator-token-for-tests-0123456789';
const TEN_YEARS = 10 * 365 * 24 * 3600;

/** The CSRF token of the page a visitor sees (its logout form's). */
async function csrfOf(visitor: DashboardVisitor): Promise<string> {
  const page = await visitor.request('/dashboard');
  return /name="csrf" value="([^"]+)"/.exec(page.body)![1];
}

describe('dashboard sessions under attack', () => {
  let hall: Hall;
  let victim: DashboardVisitor;
  beforeEach(async () => {
    hall = await Hall.open({ env: { DASHBOARD_TOKEN: OPERATOR } });
    victim = new DashboardVisitor(hall);
  });
  afterEach(() => hall.close());

  async function staffId(userId: string): Promise<number> {
    const [row] = await hall.service.db.all<{ id: number }>('SELECT id FROM staff WHERE wecom_userid = ?', [userId]);
    return Number(row.id);
  }

  it('ends operator sessions when DASHBOARD_TOKEN is rotated', async () => {
    await victim.open(`/dashboard?token=${OPERATOR}`);
    expect((await victim.request('/dashboard')).status).to.equal(200);
    const rotated = await Hall.open({ shareDatabaseWith: hall, env: { DASHBOARD_TOKEN: 'the-new-operator-token-9876543210' } });
    try {
      const after = new DashboardVisitor(rotated);
      after.cookie = victim.cookie;
      const res = await after.request('/dashboard');
      expect(res.status).to.equal(401);
      expect(res.body).not.to.contain('运维人员');
      expect((await victim.request('/dashboard')).status, 'where the token is unchanged, the session holds').to.equal(200);
    } finally {
      await rotated.close();
    }
  });

  it('refuses a link or a session minted with the key for ten years, or issued in the future', async () => {
    const key = await signingKey(hall.service.db, hall.service.db);
    const now = Math.floor(hall.clock.now().getTime() / 1000);
    const sid = await staffId('wangwu');
    expect((await victim.request(`/dashboard?t=${sign(key, { kind: 'link', sid, iat: now, exp: now + TEN_YEARS })}`)).status).to.equal(401);
    expect((await victim.request(`/dashboard?t=${sign(key, { kind: 'link', sid, iat: now + TEN_YEARS - 3600, exp: now + TEN_YEARS })}`)).status).to.equal(401);
    victim.cookie = `hg_dashboard=${sign(key, { kind: 'session', sid, iat: now - 60, exp: now + TEN_YEARS })}`;
    expect((await victim.request('/dashboard')).status).to.equal(401);
    const fair = sign(key, { kind: 'link', sid, iat: now, exp: now + 12 * 3600 });
    expect((await new DashboardVisitor(hall).open(`/dashboard?t=${fair}`)).status, 'a 12-hour link opens').to.equal(200);
  });

  it('revokes on 退出: the copied cookie and the link it came from no longer open the dashboard', async () => {
    const link = await victim.link('wangwu');
    await victim.open(link);
    const stolen = victim.cookie;
    const out = await victim.post('/dashboard/logout', { csrf: await csrfOf(victim) });
    expect(out.status).to.equal(200);
    expect(await hall.count('dashboard_revocation')).to.equal(1);

    const thief = new DashboardVisitor(hall);
    thief.cookie = stolen;
    expect((await thief.request('/dashboard')).status).to.equal(401);
    expect((await new DashboardVisitor(hall).request(link)).status).to.equal(401);
    expect((await new DashboardVisitor(hall).open(await victim.link('wangwu'))).status, 'a new 看板 link works').to.equal(200);
  });

  it('does not log a victim out through /dashboard?t=garbage', async () => {
    await victim.open(await victim.link('wangwu'));
    const session = victim.cookie;
    for (const bad of ['garbage', 'a.b', `${'x'.repeat(600)}`]) {
      const res = await victim.request(`/dashboard?t=${bad}`);
      expect(res.status).to.equal(401);
      expect(res.headers.get('set-cookie')).to.equal(null);
    }
    expect((await victim.request(`/dashboard?token=wrong`)).headers.get('set-cookie')).to.equal(null);
    expect(victim.cookie).to.equal(session);
    const page = await victim.request('/dashboard');
    expect(page.status).to.equal(200);
    expect(page.body).to.contain('王五');
  });

  it("does not let someone else's valid link replace a live session from a GET: it asks, and only the victim's own click switches", async () => {
    await victim.open(await victim.link('wangwu'));
    const session = victim.cookie;
    const attackers = await victim.link('lisi');

    const asked = await victim.request(attackers);
    expect(asked.status).to.equal(200);
    expect(asked.headers.get('set-cookie')).to.equal(null);
    expect(asked.body).to.contain('切换看板身份').and.contain('王五').and.contain('李四');
    expect(victim.cookie).to.equal(session);
    expect((await victim.request('/dashboard')).body).to.contain('未处置告警').and.match(/<span>王五<\/span>/);

    const session2 = /name="session" value="([^"]+)"/.exec(asked.body)![1];
    expect(session2).not.to.contain(attackers.slice('/dashboard?t='.length));
    expect((await victim.post('/dashboard/switch', { session: session2 })).status, 'no CSRF token').to.equal(403);
    expect((await victim.post('/dashboard/switch', { session: session2, csrf: await csrfOf(victim) }, { origin: 'http://evil.example.com' })).status).to.equal(403);
    expect(victim.cookie).to.equal(session);

    const switched = await victim.post('/dashboard/switch', { session: session2, csrf: /name="csrf" value="([^"]+)"/.exec(asked.body)![1] });
    expect(switched.status).to.equal(303);
    expect((await victim.request('/dashboard')).body).to.match(/<span>李四<\/span>/);
  });

  it("opens one's own new link over one's own session without asking", async () => {
    await victim.open(await victim.link('wangwu'));
    expect((await victim.request(await victim.link('wangwu'))).status).to.equal(303);
  });

  it('keeps no working link in inbound_message.reply, and answers a re-delivery with the same working link', async () => {
    const first = await hall.send('wangwu', '看板', '7007');
    const link = /\/dashboard\?t=\S+/.exec(first.reply!)![0];
    const [stored] = await hall.service.db.all<{ reply: string }>("SELECT reply FROM inbound_message WHERE message_id = '7007'");
    expect(stored.reply).not.to.contain(link);
    const storedLink = /\/dashboard\?t=\S+/.exec(stored.reply)![0];
    expect((await new DashboardVisitor(hall).request(storedLink)).status).to.equal(401);

    const again = await hall.send('wangwu', '看板', '7007');
    expect(again.reply).to.equal(first.reply);
    expect((await new DashboardVisitor(hall).open(link)).status).to.equal(200);
  });
});

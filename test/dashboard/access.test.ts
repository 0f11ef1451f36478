import { expect } from 'chai';
import { DashboardVisitor } from '../support/dashboard';
import { Hall, PEOPLE } from '../support/hall';

describe('dashboard access', () => {
  let hall: Hall;
  let visitor: DashboardVisitor;

  beforeEach(async () => {
    hall = await Hall.open({ env: { DASHBOARD_TOKEN: 'operator-token-for-tests-0123456789' } });
    visitor = new DashboardVisitor(hall);
  });
  afterEach(() => hall.close());

  it('answers 401 and shows nothing without a link, a session or the operator token', async () => {
    const res = await visitor.request('/dashboard');
    expect(res.status).to.equal(401);
    expect(res.body).to.contain('看板');
    for (const p of PEOPLE) expect(res.body).not.to.contain(p.name);
  });

  it('gives a leader a personal link valid for 12 hours, at the address the service listens on when PUBLIC_URL is unset', async () => {
    const { reply } = await hall.send('wangwu', '看板');
    expect(reply).to.contain(`${hall.url}/dashboard?t=`);
    expect(reply).to.contain('11-23 20:05');
  });

  it('refuses 看板 to staff, who have no dashboard', async () => {
    const { reply } = await hall.send('zhangsan', '看板');
    expect(reply).not.to.contain('/dashboard');
    expect(reply).to.contain('看板');
  });

  it('exchanges the link for an HttpOnly, SameSite session cookie and drops the token from the address', async () => {
    const first = await visitor.request(await visitor.link('wangwu'));
    expect(first.status).to.equal(303);
    expect(first.headers.get('location')).to.equal('/dashboard');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).to.match(/^hg_dashboard=[^;]+; Path=\/dashboard; Max-Age=43200; HttpOnly; SameSite=Lax$/);
    const page = await visitor.request('/dashboard');
    expect(page.status).to.equal(200);
    expect(page.body).to.contain('王五');
    expect(page.headers.get('content-security-policy')).to.contain("script-src 'self'");
    expect(page.headers.get('cache-control')).to.equal('no-store');
  });

  it('refuses a link opened after its 12 hours', async () => {
    const link = await visitor.link('wangwu');
    hall.clock.advance(12 * 3600_000 + 60_000);
    expect((await visitor.request(link)).status).to.equal(401);
    expect(visitor.cookie).to.equal(null);
  });

  it('ends the session when the link it came from expires', async () => {
    await visitor.open(await visitor.link('wangwu'));
    hall.clock.advance(11 * 3600_000);
    expect((await visitor.request('/dashboard')).status).to.equal(200);
    hall.clock.advance(3600_000 + 60_000);
    expect((await visitor.request('/dashboard')).status).to.equal(401);
  });

  it('refuses a tampered link, whether the grant or the signature was changed', async () => {
    const link = await visitor.link('lisi');
    const [payload, signature] = link.slice('/dashboard?t='.length).split('.');
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...grant, sid: grant.sid + 1 })).toString('base64url');
    expect((await visitor.request(`/dashboard?t=${promoted}.${signature}`)).status).to.equal(401);
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    expect((await visitor.request(`/dashboard?t=${payload}.${flipped}`)).status).to.equal(401);
    expect((await visitor.request('/dashboard?t=garbage')).status).to.equal(401);
  });

  it('refuses a forged session cookie and a link used as a cookie', async () => {
    const link = await visitor.link('wangwu');
    visitor.cookie = `hg_dashboard=${link.slice('/dashboard?t='.length)}`;
    expect((await visitor.request('/dashboard')).status).to.equal(401);
  });

  it('closes the door on a person deactivated after getting a link', async () => {
    const link = await visitor.link('wangwu');
    await visitor.open(link);
    await hall.service.db.run("UPDATE staff SET active = ? WHERE wecom_userid = 'wangwu'", [false]);
    hall.service.services.directory.invalidate();
    expect((await visitor.request('/dashboard')).status).to.equal(401);
    expect((await new DashboardVisitor(hall).request(link)).status).to.equal(401);
  });

  it('lets an operator in with DASHBOARD_TOKEN, read-only, and refuses a wrong token', async () => {
    const ok = await visitor.request('/dashboard', { headers: { authorization: 'Bearer operator-token-for-tests-0123456789' } });
    expect(ok.status).to.equal(200);
    expect(ok.body).to.contain('运维人员');
    expect(ok.body).not.to.contain('action="/dashboard/alerts/');
    expect((await visitor.request('/dashboard', { headers: { authorization: 'Bearer wrong' } })).status).to.equal(401);
    const viaQuery = await visitor.request('/dashboard?token=operator-token-for-tests-0123456789');
    expect(viaQuery.status).to.equal(303);
    expect(viaQuery.headers.get('location')).to.equal('/dashboard');
    expect((await visitor.request('/dashboard')).status).to.equal(200);
  });

  it('refuses the operator token when DASHBOARD_TOKEN is not configured', async () => {
    const bare = await Hall.open();
    try {
      expect((await new DashboardVisitor(bare).request('/dashboard', { headers: { authorization: 'Bearer anything' } })).status).to.equal(401);
    } finally {
      await bare.close();
    }
  });

  it('serves ECharts and its own script from the service, not a CDN', async () => {
    const echarts = await visitor.request('/dashboard/assets/echarts.min.js');
    expect(echarts.status).to.equal(200);
    expect(echarts.headers.get('content-type')).to.contain('javascript');
    expect(echarts.body).to.contain('echarts');
    expect((await visitor.request('/dashboard/assets/dashboard.js')).status).to.equal(200);
    expect((await visitor.request('/dashboard/assets/..%2Fpackage.json')).status).to.equal(404);
    await visitor.open(await visitor.link('wangwu'));
    const page = await visitor.request('/dashboard');
    expect(page.body).not.to.match(/https?:\/\/(?!127\.0\.0\.1)[^"'\s]+\.(js|css)/);
  });
});

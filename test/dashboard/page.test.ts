import { expect } from 'chai';
import { chartIsland, csrfOf, DashboardVisitor, testIdText, trendPoint } from '../support/dashboard';
import { Hall, PEOPLE } from '../support/hall';

/** Monday 08:05: three 晨检 reports, one of them a high fever in 2号窗口; 1号窗口's roster for Tuesday is in. */
async function morning(hall: Hall): Promise<number> {
  await hall.send('zhangsan', '晨检 36.5');
  await hall.send('lisi', '晨检 36.6 绿码');
  await hall.send('sunqi', '晨检 37.8');
  await hall.send('lisi', '明日排班 张三 赵六');
  const [alert] = await hall.service.db.all<{ id: unknown }>("SELECT id FROM alert WHERE status = 'open'");
  return Number(alert.id);
}

describe('dashboard page', () => {
  let hall: Hall;
  let alertId: number;

  beforeEach(async () => {
    hall = await Hall.open();
    alertId = await morning(hall);
  });
  afterEach(() => hall.close());

  async function as(userId: string): Promise<{ visitor: DashboardVisitor; page: string }> {
    const visitor = new DashboardVisitor(hall);
    const { status, body } = await visitor.open(await visitor.link(userId));
    expect(status).to.equal(200);
    return { visitor, page: body };
  }

  it("shows a leader the hall's counts: reported / expected, open alerts, roster windows", async () => {
    const { page } = await as('wangwu');
    expect(testIdText(page, 'scope')).to.equal('全大厅');
    expect(testIdText(page, 'kpi-morning')).to.equal('晨检已报 3/6');
    expect(testIdText(page, 'kpi-alerts')).to.equal('未处置告警 1 严重 1');
    expect(testIdText(page, 'kpi-roster')).to.contain('1/2');
    expect(page).to.match(/<tr data-window="1号窗口">[\s\S]*?<td>3<\/td>[\s\S]*?data-slot="morning">2</);
    expect(page).to.contain('晨检未报：赵六');
    expect(page).to.contain(`data-alert="${alertId}"`);
    expect(page).to.contain('孙七');
  });

  it("lists the next workday's roster with the health cross-check's flags, and the window still missing", async () => {
    const { page } = await as('wangwu');
    const roster = /<li data-roster="1号窗口"[\s\S]*?<\/li>/.exec(page)![0];
    expect(roster).to.contain('已提交');
    expect(roster).to.match(/<span class="person">张三<\/span>/);
    expect(roster).to.match(/person flagged[^>]*>赵六<small>今日未上报体温/);
    expect(/<li data-roster="2号窗口"[\s\S]*?<\/li>/.exec(page)![0]).to.contain('未提交');
  });

  it('carries 14 days of trend data for the chart, today included', async () => {
    const { page } = await as('wangwu');
    const island = chartIsland(page);
    expect(island.trend.dates).to.have.length(14);
    expect(island.trend.dates.at(-1)).to.equal('11-23');
    expect(trendPoint(page, '11-23'), 'the 晨检 figure of the KPI, and the alert').to.deep.equal({ '晨检已报（人）': 3, '应报（人）': 6, '异常（次）': 1 });
    expect(island.windows).to.deep.equal(['1号窗口', '2号窗口', '领导小组']);
  });

  it("shows a lead their own window only, and refuses another window's", async () => {
    const { visitor, page } = await as('lisi');
    expect(testIdText(page, 'scope')).to.equal('1号窗口');
    expect(testIdText(page, 'kpi-morning')).to.equal('晨检已报 2/3');
    expect(testIdText(page, 'kpi-alerts')).to.equal('未处置告警 0');
    for (const name of ['孙七', '周八', '王五']) expect(page).not.to.contain(name);
    expect(page).not.to.contain('2号窗口');
    expect(page).not.to.contain('data-testid="outbox"');
    expect((await visitor.request('/dashboard?window=2号窗口')).status).to.equal(403);
    expect((await visitor.request(`/dashboard?window=${encodeURIComponent('2号窗口')}`)).status).to.equal(403);
    expect((await visitor.request(`/dashboard?window=${encodeURIComponent('1号窗口')}`)).status).to.equal(200);
  });

  it('lets a leader pick one window', async () => {
    const { visitor } = await as('wangwu');
    const page = (await visitor.request(`/dashboard?window=${encodeURIComponent('2号窗口')}`)).body;
    expect(testIdText(page, 'scope')).to.equal('2号窗口');
    expect(testIdText(page, 'kpi-morning')).to.equal('晨检已报 1/2');
    expect(page).not.to.contain('张三');
    expect((await visitor.request(`/dashboard?window=${encodeURIComponent('9号窗口')}`)).status).to.equal(404);
  });

  it("shows today's 全员测温: 加测 answered / asked and who is missing, apart from the 晨检 counts", async () => {
    expect(testIdText((await as('wangwu')).page, 'kpi-extra')).to.equal('');
    await hall.send('wangwu', '全员测温');
    await hall.send('zhangsan', '36.6');
    const { page } = await as('wangwu');
    expect(testIdText(page, 'kpi-extra')).to.equal('加测已报（进行中） 1/6');
    expect(testIdText(page, 'kpi-morning')).to.equal('晨检已报 3/6');
    expect(testIdText(page, 'sweep-missing')).to.equal('全员测温 #1 加测未报：李四、赵六、孙七、周八、王五');
    const lead = await as('lisi');
    expect(testIdText(lead.page, 'kpi-extra')).to.equal('加测已报（进行中） 1/3');
    expect(testIdText(lead.page, 'sweep-missing')).to.equal('全员测温 #1 加测未报：李四、赵六');
  });

  it('acknowledges an alert with a note, as 处置 does, and tells the leadership group', async () => {
    const { visitor, page } = await as('wangwu');
    const mark = hall.mark();
    const res = await visitor.post(`/dashboard/alerts/${alertId}/ack`, { csrf: csrfOf(page), note: '已安排就医' });
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal(`/dashboard?done=${alertId}`);
    await hall.deliver();
    expect(hall.deliveredSince(mark).group.join('\n')).to.contain(`#${alertId} 孙七：王五`).and.contain('已安排就医');
    const after = (await visitor.request(res.headers.get('location')!)).body;
    expect(testIdText(after, 'flash')).to.contain(`#${alertId}`);
    expect(testIdText(after, 'kpi-alerts')).to.equal('未处置告警 0');
    expect(after).to.match(/class="alert handled"[\s\S]*?王五[\s\S]*?已安排就医/);
    const again = await visitor.post(`/dashboard/alerts/${alertId}/ack`, { csrf: csrfOf(after), note: '重复' });
    expect(again.status).to.equal(409);
    expect(testIdText(again.body, 'flash')).to.contain('已由 王五');
  });

  it('refuses an acknowledgement without the CSRF token, from another origin, or not as a form, and leaves the alert open', async () => {
    const { visitor, page } = await as('wangwu');
    expect((await visitor.post(`/dashboard/alerts/${alertId}/ack`, { note: 'x' })).status).to.equal(403);
    expect((await visitor.post(`/dashboard/alerts/${alertId}/ack`, { csrf: 'forged', note: 'x' })).status).to.equal(403);
    expect((await visitor.post(`/dashboard/alerts/${alertId}/ack`, { csrf: csrfOf(page), note: 'x' }, { origin: 'http://evil.example' })).status).to.equal(403);
    const json = await visitor.request(`/dashboard/alerts/${alertId}/ack`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note: 'x' }) });
    expect(json.status).to.equal(415);
    expect(await hall.count('alert', "status = 'open'")).to.equal(1);
  });

  it("does not let another session's CSRF token through", async () => {
    const mine = await as('wangwu');
    const other = await as('wangwu');
    const res = await mine.visitor.post(`/dashboard/alerts/${alertId}/ack`, { csrf: csrfOf(other.page), note: 'x' });
    expect(res.status).to.equal(403);
  });

  it('does not let a lead acknowledge alerts', async () => {
    const { visitor, page } = await as('zhouba');
    expect(page).to.contain(`data-alert="${alertId}"`);
    expect(page).not.to.contain('action="/dashboard/alerts/');
    const res = await visitor.post(`/dashboard/alerts/${alertId}/ack`, { csrf: csrfOf(page), note: 'x' });
    expect(res.status).to.equal(403);
    expect(await hall.count('alert', "status = 'open'")).to.equal(1);
  });

  it('refuses an empty note', async () => {
    const { visitor, page } = await as('wangwu');
    const res = await visitor.post(`/dashboard/alerts/${alertId}/ack`, { csrf: csrfOf(page), note: '  ' });
    expect(res.status).to.equal(409);
    expect(await hall.count('alert', "status = 'open'")).to.equal(1);
  });

  it('shows the outbox backlog to leaders', async () => {
    const { page } = await as('wangwu');
    expect(testIdText(page, 'outbox')).to.contain('待发送 0').and.contain('发送失败 0');
  });
});

describe('dashboard page, hostile text', () => {
  it('renders a name, a window and a note holding markup as text', async () => {
    const probe = '<script>alert(1)</script>';
    const hall = await Hall.open({
      people: [...PEOPLE, { name: probe, window: '<b>3号</b>', role: 'staff', wecomUserId: 'xss', dingtalkUserId: 'xss', mobile: null }],
    });
    try {
      await hall.send('xss', '晨检 38.2');
      const visitor = new DashboardVisitor(hall);
      const { body: page } = await visitor.open(await visitor.link('wangwu'));
      const [alert] = await hall.service.db.all<{ id: unknown }>('SELECT id FROM alert');
      await visitor.post(`/dashboard/alerts/${Number(alert.id)}/ack`, { csrf: csrfOf(page), note: '<img src=x onerror=alert(2)>' });
      const after = (await visitor.request('/dashboard')).body;
      for (const body of [page, after]) {
        expect(body).not.to.contain(probe);
        expect(body).not.to.contain('<b>3号</b>');
        expect(body).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }
      expect(after).not.to.contain('<img src=x');
      expect(after).to.contain('&lt;img src=x onerror=alert(2)&gt;');
      expect(/id="chart-data">([\s\S]*?)<\/script>/.exec(page)![1]).not.to.contain('<');
    } finally {
      await hall.close();
    }
  });
});

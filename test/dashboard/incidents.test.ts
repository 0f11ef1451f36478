import { expect } from 'chai';
import { csrfOf, DashboardVisitor, signedIn, testIdText } from '../support/dashboard';
import { readDocx } from '../support/docx';
import type { Hall } from '../support/hall';
import { hallWithGroups, incidentUnderWay } from '../support/incident-hall';

/** The rows of one incident's checklist on the page, by step name. */
function checklist(page: string, id: number): Record<string, string> {
  const card = new RegExp(`<article class="incident[^"]*" data-incident="${id}">[\\s\\S]*?</article>`).exec(page)?.[0] ?? '';
  const rows: Record<string, string> = {};
  for (const m of card.matchAll(/<tr class="(\w+)" data-step="([^"]+)">([\s\S]*?)<\/tr>/g)) rows[m[2]] = `${m[1]}: ${m[3].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()}`;
  return rows;
}

describe('dashboard 应急处置 panel', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await hallWithGroups({ env: { DASHBOARD_TOKEN: 'operator-token-for-tests-0123456789' } });
    await incidentUnderWay(hall);
    hall.clock.set('2026-11-23T10:30:00+08:00');
  });
  afterEach(() => hall.close());

  const as = (userId: string) => signedIn(hall, userId);

  it('shows a leader each open incident: the seven steps with owner, due time, done or overdue, the time elapsed and the contacts with their latest reading', async () => {
    const { page } = await as('wangwu');
    expect(testIdText(page, 'incidents')).to.contain('应急处置 1').and.contain('张三（1号窗口）');
    expect(testIdText(page, 'incident-1-elapsed')).to.contain('已用时 2小时25分钟').and.contain('2 步超时');
    const steps = checklist(page, 1);
    expect(Object.keys(steps)).to.deep.equal(['报告', '隔离', '送医', '排查', '上报', '消杀', '善后']);
    expect(steps['隔离']).to.equal('done: 2. 迅速隔离 应急处置组 08:20 ✅ 李四 08:12（用时 7分钟） 已送隔离室');
    expect(steps['上报']).to.match(/^overdue: 5\. 如实上报 综合协调组 10:05 已超时 25分钟/);
    expect(steps['消杀']).to.match(/^overdue: 6\. 消杀消毒 领导小组（消毒防疫组无成员） 10:05 已超时 25分钟/);
    expect(steps['排查']).to.match(/^due: 4\. 准确排查 应急处置组 12:05 待完成/);
    expect(steps['善后']).to.contain('11-24 08:05');
    const contacts = testIdText(page, 'incidents');
    expect(contacts).to.contain('已确认 赵六 1号窗口 · 同窗口 最近体温：11-23 09:05 晨检 36.6℃ 绿码');
    expect(contacts).to.contain('已排除 李四 1号窗口 · 窗口负责人 尚无体温记录');
    expect(testIdText(page, 'incident-1-sweep')).to.equal('全员测温：未开展（排查开始时自动发起）');
  });

  it('shows the 全员测温 that 排查 started, as it runs', async () => {
    await hall.send('lisi', '进展 1 排查 已排查同窗口人员');
    await hall.send('zhaoliu', '36.5');
    const { page } = await as('wangwu');
    expect(testIdText(page, 'incident-1-sweep')).to.equal('全员测温（进行中）：已测 1/5，未测 李四、孙七、周八、王五');
  });

  it('records a step done from the panel exactly as 进展 does: the reply, the leadership push and the checklist', async () => {
    const { visitor, page } = await as('wangwu');
    const mark = hall.mark();
    const res = await visitor.post('/dashboard/incidents/1/progress', { csrf: csrfOf(page), step: '上报', note: '已电话报市指挥部和疾控中心' });
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal('/dashboard?recorded=1-5');
    await hall.deliver();
    expect(hall.deliveredSince(mark).group.join('\n')).to.contain('【应急 #1】✅ 5. 如实上报 — 王五 10:30，用时 2小时25分钟：已电话报市指挥部和疾控中心');
    const after = (await visitor.request(res.headers.get('location')!)).body;
    expect(testIdText(after, 'flash')).to.equal('已记录 #1 5. 如实上报（10:30，用时 2小时25分钟）。');
    expect(checklist(after, 1)['上报']).to.equal('done: 5. 如实上报 综合协调组 10:05 ✅ 王五 10:30（用时 2小时25分钟） 已电话报市指挥部和疾控中心');
    expect((await hall.send('wangwu', '应急 1')).reply).to.contain('✅ 5. 如实上报 — 王五 10:30：已电话报市指挥部和疾控中心');

    const again = await visitor.post('/dashboard/incidents/1/progress', { csrf: csrfOf(after), step: '上报', note: '再报一次' });
    expect(again.status).to.equal(409);
    expect(testIdText(again.body, 'flash')).to.contain('已由 王五 于 10:30 完成');
    const unknown = await visitor.post('/dashboard/incidents/9/progress', { csrf: csrfOf(after), step: '上报', note: 'x' });
    expect(unknown.status).to.equal(409);
    expect(testIdText(unknown.body, 'flash')).to.contain('没有 9 号应急事件');
  });

  it('refuses a step without the CSRF token, from another origin, or from a lead, recording nothing', async () => {
    const { visitor, page } = await as('wangwu');
    expect((await visitor.post('/dashboard/incidents/1/progress', { step: '上报', note: 'x' })).status).to.equal(403);
    expect((await visitor.post('/dashboard/incidents/1/progress', { csrf: csrfOf(page), step: '上报', note: 'x' }, { origin: 'http://evil.example' })).status).to.equal(403);
    const lead = await as('lisi');
    expect(lead.page).not.to.contain('data-testid="incidents"');
    expect((await lead.visitor.post('/dashboard/incidents/1/progress', { csrf: csrfOf(lead.page), step: '排查', note: 'x' })).status).to.equal(403);
    expect(await hall.count('incident_step', "done_at IS NOT NULL")).to.equal(3);
  });

  it('lets a leader download the report upward as a Word document with a UTF-8 file name', async () => {
    const { visitor, page } = await as('wangwu');
    expect(page).to.contain('href="/dashboard/incidents/1/report.docx"');
    const res = await fetch(`${hall.url}/dashboard/incidents/1/report.docx`, { headers: { cookie: visitor.cookie! } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).to.equal(
      `attachment; filename="incident-1-report.docx"; filename*=UTF-8''${encodeURIComponent('应急处置报告-1.docx')}`,
    );
    expect(res.headers.get('cache-control')).to.equal('no-store');
    const { text } = await readDocx(Buffer.from(await res.arrayBuffer()));
    expect(text).to.contain('疫情防控应急处置情况报告（#1）').and.contain('张三（1号窗口）').and.contain('已送隔离室').and.contain('赵六');
    expect((await visitor.request('/dashboard/incidents/9/report.docx')).status).to.equal(404);
    expect(await hall.count('audit_entry', "action = 'export-incident-report' AND actor LIKE ?", ['王五%'])).to.equal(1);
  });

  it('keeps the report from a lead, the operator and a browser without a session', async () => {
    const lead = await as('lisi');
    const refused = await lead.visitor.request('/dashboard/incidents/1/report.docx');
    expect(refused.status).to.equal(403);
    expect(refused.body).not.to.contain('张三');
    const operator = await new DashboardVisitor(hall).request('/dashboard/incidents/1/report.docx', { headers: { authorization: 'Bearer operator-token-for-tests-0123456789' } });
    expect(operator.status).to.equal(403);
    expect((await new DashboardVisitor(hall).request('/dashboard/incidents/1/report.docx')).status).to.equal(401);
    expect(await hall.count('audit_entry', "action = 'export-incident-report'")).to.equal(0);
    // The lead's own page showed the contact under observation in their window: that view is in the log.
    expect(await hall.count('audit_entry', "action = 'view-contacts' AND actor LIKE ?", ['李四%'])).to.equal(1);
  });

  it('moves a closed incident to the last week’s list, with its report still to download', async () => {
    await hall.send('wangwu', '结案 1 核酸阴性 解除隔离');
    const { page } = await as('wangwu');
    expect(checklist(page, 1)).to.deep.equal({});
    expect(testIdText(page, 'incidents')).to.contain('应急处置 0').and.contain('近 7 天已结案').and.contain('#1 张三（1号窗口）');
    expect(page).to.contain('href="/dashboard/incidents/1/report.docx"');
  });
});

describe('dashboard 应急处置 panel, other cases', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await hallWithGroups({});
  });
  afterEach(() => hall.close());

  it('shows no panel without incidents', async () => {
    const { page } = await signedIn(hall, 'wangwu');
    expect(page).not.to.contain('data-testid="incidents"');
  });

  it('shows an incident opened by hand (启动应急), about no staff member', async () => {
    await hall.send('wangwu', '启动应急 门口一名群众体温 38.5℃');
    const { page } = await signedIn(hall, 'wangwu');
    expect(testIdText(page, 'incidents')).to.contain('应急处置 1').and.contain('门口一名群众体温').and.contain('密接：尚未登记');
    expect(Object.keys(checklist(page, 1))).to.have.length(7);
  });

  it('leaves a drill out: the panel shows the hall’s real emergencies only', async () => {
    await hall.send('wangwu', '演练 开始 1号窗口');
    const { page } = await signedIn(hall, 'wangwu');
    expect(page).not.to.contain('data-testid="incidents"').and.not.contain('演练人员');
  });
});

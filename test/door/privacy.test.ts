import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { auditCommand } from '../../bot/cli/audit';
import { exportCommand } from '../../bot/cli/export';
import { runInHall } from '../support/cli';
import { DashboardVisitor } from '../support/dashboard';
import { doorHall } from '../support/door';
import type { Hall } from '../support/hall';

/** A mainland mobile number in full: what must never leave the database except in the audited export. */
const FULL_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** A morning at the door: every kind of registration, a refusal, a staff fever with its incident, the queries. */
async function busyMorning(hall: Hall): Promise<void> {
  await hall.send('qianmw', '登记 陈一 13812341111 住址 幸福小区 行程 武汉 窗口 1号窗口 36.5 绿码 无症状');
  await hall.send('qianmw', '访客 陈二 +86 139-0000-2222 现住 朝阳区 去过 北京 办理 2号窗口 37.4 咳嗽');
  await hall.send('qianmw', '登记 陈三 13700003333 38.6 红码 窗口1');
  await hall.send('qianmw', '登记 陈四 13600004444 无码');
  await hall.send('qianmw', '登记 陈五 13500005555 45.2');
  await hall.send('zhangsan', '登记 陈六 13400006666 36.5');
  await hall.send('zhangsan', '体温 38.2 咳嗽');
  await hall.send('qianmw', '今日访客');
  await hall.send('wangwu', '今日访客');
}

for (const platform of ['wecom', 'dingtalk'] as const) {
  describe(`masking: no full phone number in any message or page (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await doorHall({ platform, now: '2026-11-23T09:05:00+08:00', env: { DASHBOARD_TOKEN: 'operator-token-for-tests-0123456789' } });
    });
    afterEach(() => hall.close());

    it('searches every outbound message, the stored replies and texts, and every dashboard page', async () => {
      await busyMorning(hall);
      expect(await hall.count('visitor')).to.equal(4);
      const outbound = await hall.service.db.all<{ body: string }>('SELECT body FROM outbox');
      expect(outbound.length).to.be.greaterThan(1);
      expect(outbound.map((o) => o.body).join('\n')).to.contain('139****2222').and.contain('137****3333');
      for (const { body } of outbound) expect(body).to.not.match(FULL_NUMBER);
      const incidentVisitors = await hall.service.db.all<Record<string, unknown>>('SELECT * FROM incident_visitor');
      expect(incidentVisitors.filter((r) => Number(r.incident_id) === 3).map((r) => r.phone_masked).sort()).to.deep.equal(['137****3333', '138****1111']);
      for (const row of incidentVisitors) expect(JSON.stringify(row)).to.not.match(FULL_NUMBER);
      const inbound = await hall.service.db.all<{ text: string; reply: string | null }>('SELECT text, reply FROM inbound_message');
      for (const { text, reply } of inbound) {
        expect(text).to.not.match(FULL_NUMBER);
        expect(reply ?? '').to.not.match(FULL_NUMBER);
      }

      const leader = new DashboardVisitor(hall);
      const page = await leader.open(await leader.link('wangwu'));
      expect(page.body).to.contain('今日门岗').and.contain('陈三（137****3333）').and.not.match(FULL_NUMBER);
      expect(/data-testid="door-total">(\d+)</.exec(page.body)?.[1]).to.equal('4');
      expect(/data-testid="door-anomalies">(\d+)</.exec(page.body)?.[1]).to.equal('2');
      expect(/data-testid="door-without-code">(\d+)</.exec(page.body)?.[1]).to.equal('2');
      const contacts = await leader.open('/dashboard/incidents/3/contacts');
      expect(contacts.status).to.equal(200);
      expect(contacts.body).to.contain('赵六').and.contain('陈一（138****1111）').and.not.match(FULL_NUMBER);
      const operator = new DashboardVisitor(hall);
      const asOperator = await operator.open('/dashboard?token=operator-token-for-tests-0123456789');
      expect(asOperator.body).to.contain('今日门岗').and.not.match(FULL_NUMBER);
      const lead = new DashboardVisitor(hall);
      const asLead = await lead.open(await lead.link('lisi'));
      expect(asLead.body).to.not.contain('今日门岗').and.not.match(FULL_NUMBER);
      expect((await lead.open('/dashboard/incidents/3/contacts')).status).to.equal(403);
    });
  });
}

describe('audit and the administrator’s visitor export', () => {
  let hall: Hall;
  const dir = mkdtempSync(join(tmpdir(), 'hg-visitors-'));
  beforeEach(async () => {
    hall = await doorHall({ now: '2026-11-23T09:05:00+08:00', env: { DASHBOARD_TOKEN: 'operator-token-for-tests-0123456789' } });
    await busyMorning(hall);
  });
  afterEach(() => hall.close());

  it('exports visitors with full numbers to CSV and xlsx, and audits each export', async () => {
    const csv = join(dir, 'visitors.csv');
    const done = await runInHall(hall, exportCommand, ['visitors', '--from', '2026-11-23', '--to', '2026-11-23', '--out', csv]);
    expect(done.text).to.contain('访客登记 4 条').and.contain('审计');
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFdate,registered_at,name,phone,address,travel,window,temperature,health_code,symptoms,status,reasons,guard\r\n')).to.equal(true);
    expect(text).to.contain('陈一,13812341111,幸福小区,武汉,1号窗口,36.5,绿码,,normal,,钱门卫').and.contain('13900002222');

    const xlsx = join(dir, 'visitors.xlsx');
    await runInHall(hall, exportCommand, ['visitors', '--from', '2026-11-23', '--to', '2026-11-23', '--out', xlsx]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.getWorksheet('visitors')!.getRow(2).getCell(4).value).to.equal('13812341111');

    const log = await runInHall(hall, auditCommand, []);
    expect(log.text.split('\n')).to.have.length(3);
    expect(log.text).to.contain('导出访客登记').and.contain(csv).and.contain(xlsx).and.contain('cli（');
    expect((await runInHall(hall, auditCommand, ['--from', '2999-01-01'])).text).to.contain('没有审计记录');
    expect((await runInHall(hall, auditCommand, ['--from', '2026-13-01'])).code).to.equal(2);
  });

  it('adds a masked sheet of visitor anomalies to the report export, and audits it', async () => {
    const xlsx = join(dir, 'report.xlsx');
    const done = await runInHall(hall, exportCommand, ['--from', '2026-11-23', '--to', '2026-11-23', '--out', xlsx]);
    expect(done.text).to.contain('访客异常 2 条');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('visitor_anomalies')!;
    expect(sheet.actualRowCount).to.equal(3);
    const cells = [2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1).join('|'));
    expect(cells.join('\n')).to.contain('陈二|139****2222').and.contain('陈三|137****3333').and.not.match(FULL_NUMBER);
    expect((await runInHall(hall, auditCommand, [])).text).to.contain('导出体温报表');
  });

  it('audits every dashboard view of an incident’s contacts, with who looked', async () => {
    const leader = new DashboardVisitor(hall);
    await leader.open(await leader.link('wangwu'));
    await leader.open('/dashboard/incidents/3/contacts');
    await leader.open('/dashboard/incidents/3/contacts');
    expect((await leader.open('/dashboard/incidents/99/contacts')).status).to.equal(404);
    const operator = new DashboardVisitor(hall);
    await operator.open('/dashboard?token=operator-token-for-tests-0123456789');
    await operator.open('/dashboard/incidents/3/contacts');
    const log = (await runInHall(hall, auditCommand, [])).text;
    // Two contacts pages for the leader and one for the operator, and each one's home page, whose 应急处置 panel lists the contacts too.
    expect(log.match(/查看应急密接名单/g)).to.have.length(5);
    expect(log.match(/看板首页显示应急 #1、#2、#3 密接名单/g)).to.have.length(2);
    expect(log).to.contain('王五（#').and.contain('运维人员').and.contain('应急 #3');
  });
});

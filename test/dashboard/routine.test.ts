import { expect } from 'chai';
import { dashboardData } from '../../bot/dashboard/data';
import { importGroups } from '../../bot/groups/import';
import { setThreshold } from '../../bot/supplies/stock';
import { DashboardVisitor, testIdText } from '../support/dashboard';
import { Hall } from '../support/hall';

/** Monday 12:10: the 08:00 round partly done, the 12:00 round begun; masks below their threshold. */
async function routineMorning(hall: Hall): Promise<void> {
  await importGroups(hall.service.db, 'group,name\n消毒防疫组,张三\n综合协调组,周八\n', { now: hall.clock.now() });
  hall.clock.set('2026-11-23T08:10:00+08:00');
  await hall.send('zhangsan', '消杀 网办区 完成');
  await hall.send('zhangsan', '消杀 会议室 第三会议室会后消毒');
  hall.clock.set('2026-11-23T09:00:00+08:00');
  await hall.send('zhouba', '入库 口罩 300');
  await hall.send('zhouba', '入库 消毒液 10瓶');
  await setThreshold(hall.service.db, '口罩', 200, '个', hall.clock.now());
  await hall.send('zhouba', '领用 口罩 140');
  hall.clock.set('2026-11-23T12:10:00+08:00');
  await hall.send('zhangsan', '消杀 全部');
}

describe('dashboard: today’s disinfection rounds and the stock', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await Hall.open({ now: '2026-11-23T08:00:00+08:00' });
    await routineMorning(hall);
  });
  afterEach(() => hall.close());

  it('reads the rounds by area and the stock with its use per day', async () => {
    const data = await dashboardData(hall.service.db, hall.service.services, hall.clock.now(), { window: null, outbox: false });
    expect(data.disinfection.started).to.deep.equal(['08:00', '12:00']);
    const [eight, noon, evening] = data.disinfection.rounds;
    expect(eight.done.map((d) => `${d.area} ${d.by}`)).to.deep.equal(['网办区 张三']);
    expect(eight.missing).to.deep.equal(['公共区域', '税务区', '休息区', '自助服务区']);
    expect(eight.adHoc.map((d) => `${d.area}：${d.note}`)).to.deep.equal(['会议室：第三会议室会后消毒']);
    expect(noon.missing).to.deep.equal([]);
    expect(evening).to.include({ round: '17:30' });
    expect(data.supplies.map((s) => [s.item, s.quantity, s.unit, s.threshold, s.perDay, s.daysLeft, s.below])).to.deep.equal([
      ['口罩', 160, '个', 200, 20, 8, true],
      ['消毒液', 10, '瓶', null, 0, null, false],
    ]);
  });

  it('shows both panels on the page', async () => {
    const visitor = new DashboardVisitor(hall);
    const { status, body } = await visitor.open(await visitor.link('wangwu'));
    expect(status).to.equal(200);
    const rounds = testIdText(body, 'disinfection');
    expect(rounds).to.contain('08:00 1/5').and.contain('网办区 张三 08:10').and.contain('未登记：公共区域、税务区、休息区、自助服务区');
    expect(rounds).to.contain('会议室：第三会议室会后消毒').and.contain('12:00 5/5').and.contain('17:30 未开始');
    const stock = testIdText(body, 'supplies');
    expect(stock).to.contain('1 项不足').and.contain('口罩 160 个 20.0 8 200').and.contain('消毒液 10 瓶 0 — —');
    expect(body).to.match(/<tr data-item="口罩" class="short">/);
  });
});

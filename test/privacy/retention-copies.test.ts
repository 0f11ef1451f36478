import { expect } from 'chai';
import { importGroups } from '../../bot/groups/import';
import { privacyPurge } from '../../jobs/privacy-purge';
import { doorHall } from '../support/door';
import type { Hall } from '../support/hall';
import { saysOn } from '../support/incident-hall';
import { storedTexts } from '../support/personal-data';

const GROUPS = 'group,name\n应急处置组,周八\n综合协调组,王五\n';

/** Fires privacy-purge at 02:30 local on a date, as the scheduler would. */
async function purgeOn(hall: Hall, date: string) {
  const at = new Date(`${date}T02:30:00+08:00`);
  hall.clock.set(at.toISOString());
  return hall.service.jobs.runner.fire(privacyPurge, at, { trigger: 'scheduler' });
}

/** Day 0 (Monday 2 November): two staff fevers (#1, #2); three visitors, 陈病's red code (#3) with 陈前 confirmed and 陈旁 excluded as contacts; all the chat around them. */
async function dayZero(hall: Hall): Promise<void> {
  const at = saysOn(hall, '2026-11-02');
  await at('08:30', 'qianmw', '登记 陈前 13912340001 住址 幸福小区 行程 杭州 36.5 绿码', '已登记访客');
  await at('08:10', 'zhangsan', '体温 37.8 咳嗽', '37.8');
  await at('08:20', 'zhaoliu', '午检 37.4 乏力', '37.4');
  await at('08:40', 'qianmw', '登记 陈旁 13912340003 36.6 绿码', '已登记访客');
  await at('09:00', 'qianmw', '登记 陈病 13912340002 住址 朝阳小区 38.6 红码 办理 1号窗口', '已登记访客');
  await at('09:10', 'zhouba', '密接 3 确认 陈前', '已确认 #3 密接');
  await at('09:12', 'zhouba', '密接 3 排除 陈旁', '已排除 #3 密接');
  await at('09:15', 'zhouba', '进展 3 隔离 陈病已在隔离室', '已记录 #3');
  await at('09:20', 'wangwu', '处置 3 陈病已送发热门诊', '#3');
  await at('09:25', 'wangwu', '应急 3', '陈病');
  await at('09:30', 'wangwu', '今日访客', '陈病');
  await at('09:35', 'wangwu', '处置 1 张三已居家观察', '#1');
  await hall.deliver();
}

/** Where a text still lives: the tables holding it. */
async function tablesHolding(hall: Hall, needle: string): Promise<string[]> {
  return [...new Set((await storedTexts(hall.service.db)).filter((t) => t.text.includes(needle)).map((t) => t.table))].sort();
}

for (const platform of ['wecom', 'dingtalk'] as const) {
  describe(`retention over every copy (${platform})`, () => {
    let hall: Hall;
    afterEach(() => hall.close());

    it('keeps everything on day 28; on day 29 no table holds a visitor or a reading, but the confirmed contact by name and masked phone', async () => {
      hall = await doorHall({ platform, now: '2026-11-02T08:00:00+08:00', env: { VISITOR_RETENTION_DAYS: '28', REPORT_RETENTION_DAYS: '28' } });
      expect((await importGroups(hall.service.db, GROUPS, { now: hall.clock.now() })).ok).to.equal(true);
      await dayZero(hall);
      const visitorTraces = ['陈病', '陈旁', '13912340002', '139****0002', '13912340003', '139****0003', '幸福小区', '朝阳小区', '杭州'];
      const readingTraces = ['37.8', '37.4', '咳嗽', '乏力', '体温 37.8', '午检 37.4'];

      const day28 = await purgeOn(hall, '2026-11-30');
      expect(day28.outcome).to.equal('done');
      expect(await hall.count('visitor')).to.equal(3);
      for (const trace of [...visitorTraces, ...readingTraces]) expect(await tablesHolding(hall, trace), trace).to.not.deep.equal([]);

      const day29 = await purgeOn(hall, '2026-12-01');
      expect(day29.detail).to.contain('访客登记 3 条').and.contain('体温记录 2 条').and.contain('收到的消息及回复').and.contain('发出的消息');
      for (const trace of [...visitorTraces, ...readingTraces]) expect(await tablesHolding(hall, trace), trace).to.deep.equal([]);
      // The confirmed contact stays in the incident record by name and masked phone, and nowhere else.
      expect(await tablesHolding(hall, '陈前')).to.deep.equal(['incident_visitor']);
      expect(await tablesHolding(hall, '139****0001')).to.deep.equal(['incident_visitor']);
      expect(await tablesHolding(hall, '13912340001')).to.deep.equal([]);
      // Rows that must stay keep their place: the alerts and incidents by number, who handled them, the steps.
      expect(await hall.count('alert')).to.equal(3);
      expect(await hall.count('incident')).to.equal(3);
      expect(await hall.count('incident_step', 'done_at IS NOT NULL')).to.be.greaterThan(2);
      expect(await hall.count('report')).to.equal(0);
      expect(await hall.count('inbound_message')).to.equal(0);
      expect(await hall.count('outbox')).to.equal(0);
      expect((await hall.send('wangwu', '应急 3')).reply).to.contain('（已按保留期限删除）').and.contain('已确认 陈前（139****0001）');
      expect((await purgeOn(hall, '2026-12-01')).outcome).to.equal('already-fired');
    });

    it('keeps staff readings, their alerts and incidents when REPORT_RETENTION_DAYS is unset, while visitors and messages go', async () => {
      hall = await doorHall({ platform, now: '2026-11-02T08:00:00+08:00' });
      expect((await importGroups(hall.service.db, GROUPS, { now: hall.clock.now() })).ok).to.equal(true);
      await dayZero(hall);
      const day29 = await purgeOn(hall, '2026-12-01');
      expect(day29.detail).to.contain('访客登记 3 条').and.contain('体温记录长期保留').and.not.contain('体温记录 ');
      expect(await hall.count('report')).to.equal(2);
      expect(await tablesHolding(hall, '37.8')).to.include('alert').and.include('incident').and.include('report');
      for (const trace of ['陈病', '陈旁', '幸福小区', '139****0002']) expect(await tablesHolding(hall, trace), trace).to.deep.equal([]);
      // The message log and the outbox could carry a visitor: they go with the visitors.
      expect(await hall.count('inbound_message')).to.equal(0);
      expect(await hall.count('outbox')).to.equal(0);
    });
  });
}

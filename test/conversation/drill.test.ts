import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { writeExport } from '../../bot/export/write';
import { DashboardVisitor, trendPoint } from '../support/dashboard';
import type { Exchange, Hall } from '../support/hall';
import { deadlinesAt, hallWithGroups } from '../support/incident-hall';

const MARK = '【演练】';

/** Every text a drill sent anywhere: the replies, the group pushes and the direct messages. */
class Outbound {
  readonly texts: string[] = [];
  take<T extends Partial<Exchange> & { group: string[]; direct: { to: string; text: string }[] }>(x: T): T {
    this.texts.push(...(x.reply ? [x.reply] : []), ...x.group, ...x.direct.map((d) => d.text));
    return x;
  }
}

for (const platform of ['wecom', 'dingtalk'] as const) {
  describe(`应急演练 (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await hallWithGroups({ platform, now: '2026-11-23T08:05:00+08:00' });
    });
    afterEach(() => hall.close());

    it('runs a drill in a window from 演练 开始 to 演练 结束, every message marked 【演练】, and scores each step against its due time', async () => {
      await hall.send('lisi', '排班 11月23日 赵六');
      const reportsBefore = await hall.count('report');
      const out = new Outbound();

      const start = out.take(await hall.send('wangwu', '演练 开始 1号窗口'));
      expect(start.reply).to.contain('已开始应急演练 #1');
      expect(start.group).to.have.length(1);
      expect(start.group[0]).to.contain('【应急演练 #1】王五 08:05 发起应急演练：演练人员（1号窗口）').and.contain('【应急处置 #1】').and.contain('⬜ 2. 迅速隔离 — 应急处置组 — 08:20 前');
      expect(start.direct.filter((d) => d.text.includes('应急处置组负责')).map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(start.direct.find((d) => d.to === 'wangwu')?.text).to.contain('综合协调组负责');
      const proposal = start.direct.filter((d) => d.text.includes('【应急 #1 密接排查】'));
      expect(proposal.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(proposal[0].text).to.contain('赵六（同窗口当日排班）').and.contain('李四（窗口负责人）').and.not.contain('张三');
      expect(out.take(await hall.send('wangwu', '演练 开始')).reply).to.contain('应急演练 #1 尚未结束');

      hall.clock.set('2026-11-23T08:15:00+08:00');
      const isolated = out.take(await hall.send('lisi', '进展 1 隔离 已送隔离室'));
      expect(isolated.reply).to.contain('已记录 #1 2. 迅速隔离');
      expect(isolated.group.join()).to.contain('✅ 2. 迅速隔离 — 李四 08:15');
      expect(out.take(await hall.send('zhouba', '隔离 1 再来一次')).reply).to.contain('已由 李四 于 08:15 完成');
      expect(out.take(await hall.send('zhaoliu', '送医 1 已联系')).reply).to.contain('由 应急处置组 负责');

      const confirmed = out.take(await hall.send('zhouba', '密接 1 确认 赵六'));
      expect(confirmed.reply).to.contain('已确认 #1 密接：赵六');
      expect(confirmed.direct.map((d) => d.to)).to.deep.equal(['zhaoliu']);
      expect(confirmed.direct[0].text).to.contain('应急演练 #1 的密切接触者').and.contain('演练 36.5');
      const answer = out.take(await hall.send('zhaoliu', '36.6'));
      expect(answer.reply).to.contain('已记录应急演练 #1 的测温：36.6℃');
      expect(out.take(await hall.send('zhaoliu', '演练 36.7 绿码')).reply).to.contain('36.7℃，绿码');
      expect(await hall.count('report')).to.equal(reportsBefore);
      expect(await hall.count('drill_reading', 'incident_id = 1')).to.equal(2);

      const list = out.take(await hall.send('wangwu', '应急 1'));
      expect(list.reply).to.contain('【应急处置 #1】演练人员（1号窗口）').and.contain('密接：已确认 赵六').and.contain('演练测温：赵六 36.7℃');

      const late = out.take(await deadlinesAt(hall, '2026-11-23T09:10:00+08:00'));
      expect(late.direct.filter((d) => d.text.includes('3. 定点送医')).map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      hall.clock.set('2026-11-23T09:20:00+08:00');
      out.take(await hall.send('zhouba', '送医 1 已由120送发热门诊'));
      expect(out.take(await hall.send('wangwu', '结案 1 演练完毕')).reply).to.contain('请发送 演练 结束');
      expect(out.take(await hall.send('wangwu', '处置 1 演练完毕')).reply).to.contain('不是告警');

      hall.clock.set('2026-11-23T09:35:00+08:00');
      const end = out.take(await hall.send('wangwu', '演练 结束'));
      expect(end.reply).to.contain('【应急演练 #1 评分】演练人员（1号窗口），王五 结束演练，历时 1小时30分钟');
      expect(end.reply).to.contain('✅ 1. 及时报告 — 用时 0分钟（时限 0分钟），按时');
      expect(end.reply).to.contain('✅ 2. 迅速隔离 — 用时 10分钟（时限 15分钟），按时');
      expect(end.reply).to.contain('⚠️ 3. 定点送医 — 用时 1小时15分钟（时限 1小时0分钟），超时 15分钟');
      expect(end.reply).to.contain('❌ 4. 准确排查 — 未完成（时限 4小时0分钟）');
      expect(end.reply).to.contain('合计：按时 2 步，超时 1 步，未完成 4 步').and.contain('密接：确认 1 人，已回复演练测温 1 人');
      expect(end.group.join()).to.contain('【应急演练 #1 评分】');
      expect(await hall.count('incident', "status = 'open'")).to.equal(0);

      expect(out.texts.length).to.be.greaterThan(20);
      for (const text of out.texts) expect(text, text).to.contain(MARK);
      expect((await deadlinesAt(hall, '2026-11-23T12:30:00+08:00')).direct).to.deep.equal([]);
      expect((await hall.send('zhaoliu', '36.5')).reply).to.not.contain(MARK);
      expect(await hall.count('report')).to.equal(reportsBefore + 1);
    });

    it('runs a drill in the hall when no window is given, asking the 排查 owners to add contacts by name', async () => {
      const out = new Outbound();
      const start = out.take(await hall.send('wangwu', '演练 开始'));
      expect(start.group[0]).to.contain('演练人员（大厅）');
      expect(start.direct.filter((d) => d.text.includes('密接排查')).map((d) => d.text)[0]).to.contain('不是系统中的人员');
      out.take(await hall.send('lisi', '密接 1 确认 孙七'));
      const ended = out.take(await hall.send('wangwu', '演练结束'));
      expect(ended.reply).to.contain('按时 1 步').and.contain('未完成 6 步');
      for (const text of out.texts) expect(text, text).to.contain(MARK);
    });

    it('refuses: a staff member or a lead starting, no drill to end, an unknown window, a second drill, a reading from someone not its contact', async () => {
      expect((await hall.send('zhangsan', '演练 开始')).reply).to.contain('应急演练由领导小组成员开始和结束');
      expect((await hall.send('lisi', '演练 开始 1号窗口')).reply).to.contain('应急演练由领导小组成员开始和结束');
      expect((await hall.send('lisi', '演练 结束')).reply).to.contain('应急演练由领导小组成员开始和结束');
      expect((await hall.send('wangwu', '演练 结束')).reply).to.contain('没有进行中的应急演练');
      expect((await hall.send('zhangsan', '演练 36.5')).reply).to.contain('没有进行中的应急演练');
      expect((await hall.send('wangwu', '演练 开始 9号窗口')).reply).to.contain('没有「9号窗口」').and.contain('1号窗口、2号窗口');
      expect(await hall.count('incident')).to.equal(0);
      expect(await hall.count('alert')).to.equal(0);
      await hall.send('wangwu', '演练 开始 2号窗口');
      expect((await hall.send('wangwu', '演练 开始 1号窗口')).reply).to.contain('应急演练 #1 尚未结束');
      expect((await hall.send('zhangsan', '演练 36.5')).reply).to.contain('您不是应急演练 #1 已确认的密接');
      expect((await hall.send('wangwu', '演练')).reply).to.contain('用法：演练 开始');
      expect(await hall.count('incident')).to.equal(1);
    });

    it('keeps drill readings out of 今日统计, the export, the chart data and the alerts', async () => {
      await hall.send('zhangsan', '晨检 36.5');
      const statsBefore = (await hall.send('wangwu', '今日统计')).reply;
      await hall.send('wangwu', '演练 开始 1号窗口');
      await hall.send('zhouba', '密接 1 确认 赵六 孙七');
      const fever = await hall.send('zhaoliu', '38.6 咳嗽');
      expect(fever.reply).to.contain('已记录应急演练 #1 的测温：38.6℃');
      expect(fever.group).to.deep.equal([]);
      await hall.send('sunqi', '演练 39.0 红码');
      expect(await hall.count('drill_reading')).to.equal(2);
      expect(await hall.count('report')).to.equal(1);
      expect(await hall.count('alert', "subject_kind <> 'drill'")).to.equal(0);

      expect((await hall.send('wangwu', '今日统计')).reply).to.equal(statsBefore);
      const out = join(mkdtempSync(join(tmpdir(), 'hg-drill-')), 'report.csv');
      expect(await writeExport(hall.service.db, { from: '2026-11-23', to: '2026-11-23', history: false, timezone: 'Asia/Shanghai' }, out)).to.deep.equal({ reports: 1, alerts: 0, rosters: 0, visitorAnomalies: 0 });
      expect(readFileSync(out, 'utf8')).to.contain('张三').and.not.contain('赵六').and.not.contain('38.6');

      const visitor = new DashboardVisitor(hall);
      const { body } = await visitor.open(await visitor.link('wangwu'));
      expect(trendPoint(body, '11-23')).to.include({ '晨检已报（人）': 1, '异常（次）': 0 });
      expect(body).to.not.contain('演练人员');
    });
  });
}

import { expect } from 'chai';
import { dashboardData } from '../../bot/dashboard/data';
import { contactReadings } from '../../jobs/contact-readings';
import type { Job } from '../../jobs/job';
import { morningSummary } from '../../jobs/morning-summary';
import { rosterDeadline } from '../../jobs/roster-deadline';
import { DashboardVisitor, testIdText } from '../support/dashboard';
import type { Hall, TestPlatform } from '../support/hall';
import { hallWithGroups } from '../support/incident-hall';

/**
 * Issue 14 item 5: confirmed close contacts (密接) are asked for a reading
 * twice a day for OBSERVATION_DAYS from their confirmation — weekends and
 * after 结案 too, until excluded — and are flagged wherever readings and
 * rosters are checked.
 * Friday 27 November 2026: 张三's fever opens incident #1; 周八 (应急处置组)
 * confirms 赵六 and 孙七; 王五 excludes 李四.
 */
for (const platform of ['wecom', 'dingtalk'] as TestPlatform[]) {
  describe(`close contacts under observation (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await hallWithGroups({ platform, now: '2026-11-27T07:50:00+08:00' });
    });
    afterEach(() => hall.close());

    const at = (local: string) => hall.clock.set(`${local}+08:00`);
    /** Fires a job at a local time (the clock follows) and returns what it delivered. */
    const fire = async (job: Job, local: string) => {
      at(local);
      const before = hall.mark();
      const result = await hall.service.jobs.runner.fire(job, hall.clock.now(), { trigger: 'scheduler' });
      await hall.deliver();
      return { result, ...hall.deliveredSince(before) };
    };
    async function feverAndContacts() {
      at('2026-11-27T08:05:00');
      await hall.send('zhangsan', '体温 38.2');
      at('2026-11-27T08:10:00');
      expect((await hall.send('zhouba', '密接 1 确认 赵六 孙七')).direct.map((d) => d.to).sort()).to.deep.equal(['sunqi', 'zhaoliu']);
      expect((await hall.send('wangwu', '密接 1 排除 李四')).reply).to.contain('已排除 #1 密接：李四');
    }

    it('asks the confirmed contacts twice a day on each observation day, weekend and after 结案 included, until excluded', async () => {
      const asked: string[] = [];
      const texts: string[] = [];
      const ask = async (local: string) => {
        const { result, direct } = await fire(contactReadings, local);
        expect(result.outcome).to.equal('done');
        for (const d of [...direct].sort((x, y) => x.to.localeCompare(y.to))) {
          asked.push(`${local.slice(5, 16)} ${d.to}`);
          texts.push(d.text);
        }
      };
      await ask('2026-11-27T08:00:00');
      await feverAndContacts();
      await ask('2026-11-27T14:00:00');
      expect((await fire(contactReadings, '2026-11-27T14:00:00')).result.outcome).to.equal('already-fired');
      await ask('2026-11-28T08:00:00');
      at('2026-11-28T10:00:00');
      expect((await hall.send('wangwu', '结案 1 已送医，密接继续观察')).reply).to.contain('【应急 #1 结案】');
      await ask('2026-11-28T14:00:00');
      await ask('2026-11-29T08:00:00');
      at('2026-11-29T09:00:00');
      expect((await hall.send('zhouba', '密接 1 排除 孙七')).reply).to.contain('已排除 #1 密接：孙七');
      await ask('2026-11-29T14:00:00');
      await ask('2026-11-30T08:00:00');
      await ask('2026-11-30T14:00:00');

      const both = ['11-27T14:00', '11-28T08:00', '11-28T14:00', '11-29T08:00'];
      expect(asked).to.deep.equal([...both.flatMap((d) => [`${d} sunqi`, `${d} zhaoliu`]), '11-29T14:00 zhaoliu']);
      expect(texts[0]).to.contain('【密接观察】').and.contain('#1 号应急事件').and.contain('第 1/3 天').and.contain('观察至 11-29');
      expect(texts.at(-1)).to.contain('第 3/3 天');
      expect((await hall.send('zhouba', '密接 1 确认 李四')).reply).to.contain('#1 已结案');
      const last = await hall.service.db.all<{ detail: string }>("SELECT detail FROM job_firing WHERE job = 'contact-readings' AND scheduled_for = '2026-11-30T14:00'");
      expect(last[0].detail).to.equal('没有观察期内的密接');
    });

    it('flags them, with their latest reading, in the summaries, the roster check, 今日统计, the dashboard, their alerts and the checklist', async () => {
      await feverAndContacts();
      at('2026-11-27T08:20:00');
      await hall.send('zhaoliu', '体温 36.6');
      const zhaoliu = '密接（事件 #1，观察至 11-29），最新 08:20 晨检 36.6℃（正常）';
      const sunqi = '密接（事件 #1，观察至 11-29），确认后尚未上报体温';

      const summary = (await fire(morningSummary, '2026-11-27T08:45:00')).group.join('\n');
      expect(summary).to.contain('密接观察中 2 人').and.contain(`赵六（1号窗口）${zhaoliu}`).and.contain(`孙七（2号窗口）${sunqi}`);
      expect(summary).to.not.contain('李四（1号窗口）密接');

      at('2026-11-27T10:00:00');
      const roster = (await hall.send('lisi', '明日排班 张三 赵六')).reply;
      expect(roster).to.contain(`赵六：${zhaoliu}`);
      const deadline = (await fire(rosterDeadline, '2026-11-27T16:00:00')).group.join('\n');
      expect(deadline).to.contain(`赵六（1号窗口）：${zhaoliu}`).and.contain(`孙七（2号窗口）${sunqi}`);

      at('2026-11-27T16:30:00');
      const hallStats = (await hall.send('wangwu', '今日统计')).reply;
      expect(hallStats).to.contain('密接观察中 2 人').and.contain(`赵六（1号窗口）${zhaoliu}`).and.contain(`孙七（2号窗口）${sunqi}`);
      const windowStats = (await hall.send('lisi', '今日统计')).reply;
      expect(windowStats).to.contain('密接观察中 1 人').and.contain('赵六').and.not.contain('孙七（2号窗口）密接');

      const data = await dashboardData(hall.service.db, hall.service.services, hall.clock.now(), { window: null, outbox: false });
      expect(data.contacts.map((c) => `${c.name} #${c.incidentId} ${c.until} ${c.latest}`)).to.deep.equal(['孙七 #1 2026-11-29 null', '赵六 #1 2026-11-29 normal']);
      const visitor = new DashboardVisitor(hall);
      const page = (await visitor.open(await visitor.link('wangwu'))).body;
      expect(testIdText(page, 'contacts')).to.contain('密接观察中 2').and.contain(`赵六 1号窗口 ${zhaoliu}`);

      const checklist = (await hall.send('wangwu', '应急 1')).reply;
      expect(checklist).to.contain('密接：已确认 孙七、赵六；待核实 无；已排除 李四');
      expect(checklist).to.contain(`· 赵六（观察至 11-29）：08:20 晨检 36.6℃（正常）`).and.contain('· 孙七（观察至 11-29）：确认后尚未上报体温');

      at('2026-11-28T08:30:00');
      const fever = await hall.send('zhaoliu', '体温 37.4');
      expect(fever.group.join('\n')).to.contain('【防疫告警 #2｜预警】').and.contain('密接：#1 号应急事件的密切接触者（观察至 11-29）');
      const later = (await hall.send('wangwu', '应急 1')).reply;
      expect(later).to.contain('· 赵六（观察至 11-29）：11月27日 08:20 晨检 36.6℃（正常）；08:30 晨检 37.4℃（预警）');

      at('2026-11-30T10:00:00');
      expect((await hall.send('wangwu', '今日统计')).reply).to.not.contain('密接观察中');
      expect((await hall.send('lisi', '明日排班 张三 赵六')).reply).to.not.contain('密接（事件');
    });

    it('never puts a drill’s contacts under observation', async () => {
      at('2026-11-27T08:05:00');
      expect((await hall.send('wangwu', '演练 开始 1号窗口')).reply).to.contain('已开始应急演练 #1');
      expect((await hall.send('zhouba', '密接 1 确认 赵六')).direct.map((d) => d.to)).to.deep.equal(['zhaoliu']);
      const { result, direct } = await fire(contactReadings, '2026-11-27T14:00:00');
      expect(result.detail).to.equal('没有观察期内的密接');
      expect(direct).to.deep.equal([]);
      expect((await hall.send('wangwu', '今日统计')).reply).to.not.contain('密接');
    });
  });
}

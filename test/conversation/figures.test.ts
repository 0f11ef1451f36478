import { expect } from 'chai';
import type { Job } from '../../jobs/job';
import { morningSummary } from '../../jobs/morning-summary';
import { rosterDeadline } from '../../jobs/roster-deadline';
import { DashboardVisitor, testIdText } from '../support/dashboard';
import { groupAfterJob } from '../support/group-after-job';
import { Hall, PEOPLE, PLATFORMS } from '../support/hall';

/** Two windows with a lead, the leadership group and a logistics group without one: only the two keep a window roster. */
const HALL = [...PEOPLE, { name: '钱九', window: '后勤保障', role: 'staff', wecomUserId: 'qianjiu', dingtalkUserId: 'qianjiu', mobile: '13800000009' }];

/** Issue 12 item 5: 今日统计, 排班状态, the jobs and the dashboard say the same figures. */
for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: one definition of every figure`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await Hall.open({ platform, now: '2026-11-20T10:00:00+08:00', people: HALL })));
    afterEach(() => hall.close());

    const fire = (job: Job, local: string) => groupAfterJob(hall, job, local);
    const dashboard = async () => {
      const visitor = new DashboardVisitor(hall);
      return (await visitor.open(await visitor.link('wangwu'))).body;
    };

    it('counts the same roster windows in 今日统计, 排班状态, the dashboard and the 16:00 push', async () => {
      hall.clock.set('2026-11-23T10:00:00+08:00');
      await hall.send('lisi', '明日排班 张三 赵六');
      await hall.send('zhouba', '明日排班 孙七');
      expect((await hall.send('wangwu', '今日统计')).reply).to.contain('排班：已提交 2/2 个窗口');
      expect((await hall.send('wangwu', '排班状态')).reply).to.contain('已提交 2/2 个窗口').and.not.contain('后勤保障');
      expect(testIdText(await dashboard(), 'kpi-roster')).to.contain('2/2');
      expect(await fire(rosterDeadline, '2026-11-23T16:00:00')).to.contain('已提交 2/2 个窗口');
    });

    it('counts a roster a leader submits for a group without a lead everywhere alike', async () => {
      hall.clock.set('2026-11-23T10:00:00+08:00');
      await hall.send('lisi', '明日排班 张三 赵六');
      expect((await hall.send('wangwu', '明日排班 后勤保障 钱九')).reply).to.contain('后勤保障');
      expect((await hall.send('wangwu', '今日统计')).reply).to.contain('排班：已提交 2/3 个窗口，未提交：2号窗口');
      expect((await hall.send('wangwu', '排班状态')).reply).to.contain('已提交 2/3 个窗口').and.contain('未提交：2号窗口');
      expect(testIdText(await dashboard(), 'kpi-roster')).to.contain('2/3');
      expect(await fire(rosterDeadline, '2026-11-23T16:00:00')).to.contain('已提交 2/3 个窗口');
    });

    it('expects the same people in 今日统计, the 08:45 summary and the dashboard, a window roster included', async () => {
      await hall.send('lisi', '明日排班 张三');
      hall.clock.set('2026-11-23T08:00:00+08:00');
      await hall.send('zhangsan', '36.5');
      await hall.send('sunqi', '36.6');
      await hall.send('qianjiu', '36.4');
      hall.clock.set('2026-11-23T08:45:00+08:00');
      expect(await fire(morningSummary, '2026-11-23T08:45:00')).to.contain('晨检：已报 3/5 人');
      expect((await hall.send('wangwu', '今日统计')).reply).to.contain('合计：晨检 3/5');
      expect(testIdText(await dashboard(), 'kpi-morning')).to.equal('晨检已报 3/5');
    });
  });
}

import { expect } from 'chai';
import type { Job } from '../../jobs/job';
import { rosterDeadline } from '../../jobs/roster-deadline';
import { rosterReminder } from '../../jobs/roster-reminder';
import { Hall } from '../support/hall';

describe('roster jobs', () => {
  let hall: Hall;
  afterEach(() => hall.close());
  const fire = async (job: Job, at: string) => {
    const before = hall.fake.calls.length;
    const result = await hall.service.jobs.runner.fire(job, new Date(at), { trigger: 'scheduler' });
    await hall.deliver();
    return { result, ...hall.deliveredSince(before) };
  };

  describe('roster-reminder (15:00)', () => {
    it('reminds each lead whose window has no roster for the next workday', async () => {
      hall = await Hall.open({ now: '2026-11-23T14:00:00+08:00' });
      await hall.send('lisi', '明日排班 张三 赵六');
      const { result, direct } = await fire(rosterReminder, '2026-11-23T15:00:00+08:00');
      expect(result.outcome).to.equal('done');
      expect(direct.map((d) => d.to)).to.deep.equal(['zhouba']);
      expect(direct[0].text).to.contain('2号窗口').and.contain('11月24日').and.contain('16:00');
    });

    it('reminds on Friday about Monday, does nothing on a holiday, and runs on a make-up Saturday', async () => {
      hall = await Hall.open({ now: '2026-11-27T14:00:00+08:00' });
      const friday = await fire(rosterReminder, '2026-11-27T15:00:00+08:00');
      expect(friday.direct.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
      expect(friday.direct[0].text).to.contain('11月30日');
      const holiday = await fire(rosterReminder, '2026-10-01T15:00:00+08:00');
      expect(holiday.result.outcome).to.equal('not-workday');
      expect(holiday.direct).to.deep.equal([]);
      const makeUp = await fire(rosterReminder, '2026-10-10T15:00:00+08:00');
      expect(makeUp.direct).to.have.length(2);
      expect(makeUp.direct[0].text).to.contain('10月12日');
    });
  });

  describe('roster-deadline (16:00)', () => {
    it('tells the group the next workday\'s rosters, closed and missing windows and flagged people, and tells the missing leads', async () => {
      const people = [
        { name: '张三', window: '1号窗口', role: 'staff', wecomUserId: 'zhangsan', mobile: null },
        { name: '赵六', window: '1号窗口', role: 'staff', wecomUserId: 'zhaoliu', mobile: null },
        { name: '李四', window: '1号窗口', role: 'lead', wecomUserId: 'lisi', mobile: null },
        { name: '周八', window: '2号窗口', role: 'lead', wecomUserId: 'zhouba', mobile: null },
        { name: '吴九', window: '3号窗口', role: 'lead', wecomUserId: 'wujiu', mobile: null },
        { name: '王五', window: '领导小组', role: 'leader', wecomUserId: 'wangwu', mobile: null },
      ];
      hall = await Hall.open({ now: '2026-11-23T09:00:00+08:00', people: people as never });
      await hall.send('zhangsan', '37.9');
      await hall.send('lisi', '明日排班 张三 赵六');
      await hall.send('zhouba', '明日排班 不开放');
      const { group, direct } = await fire(rosterDeadline, '2026-11-23T16:00:00+08:00');
      expect(group).to.have.length(1);
      const text = group[0];
      expect(text).to.contain('11月24日').and.contain('已提交 2/3').and.contain('上岗 2 人');
      expect(text).to.contain('1号窗口 2 人：张三、赵六').and.contain('不开放：2号窗口').and.contain('未提交（已逾期）：3号窗口');
      expect(text).to.contain('张三（1号窗口）：近 3 天异常 1 次：09:00 37.9℃（严重，告警 #1 待处置）').and.contain('赵六（1号窗口）：今日未上报体温');
      expect(text).to.contain('近 3 天（观察期）异常 1 次（1 人）').and.contain('张三（1号窗口）09:00 37.9℃');
      expect(direct).to.deep.equal([{ to: 'wujiu', text: direct[0].text }]);
      expect(direct[0].text).to.contain('逾期').and.contain('3号窗口');
    });

    it('does nothing on a holiday and runs on a make-up workday', async () => {
      hall = await Hall.open({ now: '2026-10-01T09:00:00+08:00' });
      const holiday = await fire(rosterDeadline, '2026-10-01T16:00:00+08:00');
      expect(holiday.result.outcome).to.equal('not-workday');
      expect([...holiday.group, ...holiday.direct.map((d) => d.to)]).to.deep.equal([]);
      const makeUp = await fire(rosterDeadline, '2026-10-10T16:00:00+08:00');
      expect(makeUp.group).to.have.length(1);
      expect(makeUp.group[0]).to.contain('10月12日').and.contain('已提交 0/2');
      expect(makeUp.direct.map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
    });
  });
});

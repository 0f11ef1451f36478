import { expect } from 'chai';
import { Hall, PLATFORMS } from '../support/hall';

for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: statistics and handling alerts`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await Hall.open({ platform, now: '2026-11-23T08:05:00+08:00' });
      await hall.send('zhangsan', '36.5');
      await hall.send('sunqi', '37.9 红码');
      await hall.send('zhouba', '36.4');
    });
    afterEach(() => hall.close());

    describe('今日统计', () => {
      it('shows a leader the whole hall: reported/expected by window, who is missing, open alerts, next workday rosters', async () => {
        const { reply } = await hall.send('wangwu', '今日统计');
        expect(reply).to.contain('全大厅').and.contain('合计：晨检 3/6');
        expect(reply).to.contain('1号窗口：晨检 1/3；晨检未报：赵六、李四');
        expect(reply).to.contain('2号窗口：晨检 2/2');
        expect(reply).to.contain('#1 孙七');
        expect(reply).to.contain('下一工作日（2026-11-24）排班：已提交 0/2 个窗口');
      });

      it('shows a lead only their own window, by slot as the day goes on', async () => {
        hall.clock.set('2026-11-23T12:10:00+08:00');
        await hall.send('zhangsan', '36.6');
        const { reply } = await hall.send('lisi', '统计');
        expect(reply).to.contain('（1号窗口）').and.contain('1号窗口：晨检 1/3，午检 1/3；午检未报：赵六、李四');
        expect(reply).not.to.contain('2号窗口').and.not.contain('孙七');
      });

      it('refuses a staff member', async () => {
        expect((await hall.send('zhangsan', '今日统计')).reply).to.contain('不在工作人员可用的命令中');
      });
    });

    describe('处置', () => {
      it('lets a leader handle an alert; the group is told who handled it and how, and it stays handled', async () => {
        hall.clock.set('2026-11-23T08:20:00+08:00');
        const { reply, group } = await hall.send('wangwu', '处置 1 已安排到隔离区并联系120');
        expect(reply).to.contain('#1').and.contain('孙七');
        expect(group).to.deep.equal(['【告警已处置】#1 孙七：王五 于 08:20 处置——已安排到隔离区并联系120']);
        const [alert] = await hall.service.db.all<Record<string, unknown>>('SELECT status, ack_note AS "note", acknowledged_at AS "at" FROM alert WHERE id = 1');
        expect(alert).to.deep.equal({ status: 'acknowledged', note: '已安排到隔离区并联系120', at: '2026-11-23T00:20:00.000Z' });
      });

      it('keeps the note as the leader typed it, punctuation and all', async () => {
        await hall.send('wangwu', '处置 １ 已安排居家观察，明日复测（体温<37.3℃）');
        const [alert] = await hall.service.db.all<{ note: string }>('SELECT ack_note AS "note" FROM alert WHERE id = 1');
        expect(alert.note).to.equal('已安排居家观察，明日复测（体温<37.3℃）');
      });

      it('says by whom an alert was already handled', async () => {
        await hall.send('wangwu', '处置 1 已送医');
        const { reply, group } = await hall.send('wangwu', '处置 1 再次处置');
        expect(reply).to.contain('已由 王五').and.contain('已送医');
        expect(group).to.deep.equal([]);
      });

      it('answers an unknown number and a missing note', async () => {
        expect((await hall.send('wangwu', '处置 99 已处理')).reply).to.contain('「99」');
        expect((await hall.send('wangwu', '处置 1')).reply).to.contain('处置 12 已安排居家观察');
      });

      it('refuses a staff member and a lead, changing nothing', async () => {
        expect((await hall.send('zhangsan', '处置 1 好了')).reply).to.contain('不在工作人员可用的命令中');
        expect((await hall.send('lisi', '处置 1 好了')).reply).to.contain('不在窗口负责人可用的命令中');
        expect(await hall.count('alert', `status = 'open'`)).to.equal(1);
      });
    });
  });
}

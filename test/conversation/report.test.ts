import { expect } from 'chai';
import { Hall, PLATFORMS } from '../support/hall';

for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: temperature reports`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await Hall.open({ platform, now: '2026-11-23T08:05:00+08:00' })));
    afterEach(() => hall.close());

    const current = (name: string) =>
      hall.service.db.all<{ slot: string; temperature: number; healthCode: string | null; symptoms: string | null; status: string }>(
        `SELECT r.slot, r.temperature, r.health_code AS "healthCode", r.symptoms, r.status FROM report r JOIN staff s ON s.id = r.staff_id
          WHERE s.name = ? AND r.superseded_at IS NULL`,
        [name],
      );

    describe('every example of SPEC §3.1 is recorded and confirmed', () => {
      const examples: [string, { slot: string; temperature: number; healthCode: string | null; symptoms: string | null; status: string }, string[]][] = [
        ['36.5', { slot: 'morning', temperature: 36.5, healthCode: null, symptoms: null, status: 'normal' }, ['2026-11-23', '晨检', '36.5℃', '正常']],
        ['体温 36.5', { slot: 'morning', temperature: 36.5, healthCode: null, symptoms: null, status: 'normal' }, ['36.5℃', '正常']],
        ['体温：36.5℃', { slot: 'morning', temperature: 36.5, healthCode: null, symptoms: null, status: 'normal' }, ['36.5℃']],
        ['36.5度 绿码', { slot: 'morning', temperature: 36.5, healthCode: 'green', symptoms: null, status: 'normal' }, ['36.5℃', '绿码', '正常']],
        ['晨检 36.4', { slot: 'morning', temperature: 36.4, healthCode: null, symptoms: null, status: 'normal' }, ['晨检', '36.4℃']],
        ['午检 36.6 咳嗽', { slot: 'midday', temperature: 36.6, healthCode: null, symptoms: '咳嗽', status: 'warning' }, ['午检', '36.6℃', '咳嗽', '重点管控']],
        ['离岗 36.5 绿码 无症状', { slot: 'leave', temperature: 36.5, healthCode: 'green', symptoms: '', status: 'normal' }, ['离岗', '绿码', '无症状', '正常']],
        ['体温36.8 黄码 咽痛 乏力', { slot: 'morning', temperature: 36.8, healthCode: 'yellow', symptoms: '咽痛、乏力', status: 'warning' }, ['黄码', '咽痛、乏力', '核查行程']],
        ['３６.８ 咳嗽', { slot: 'morning', temperature: 36.8, healthCode: null, symptoms: '咳嗽', status: 'warning' }, ['36.8℃', '咳嗽']],
      ];
      for (const [text, stored, facts] of examples) {
        it(`"${text}"`, async () => {
          const { status, reply } = await hall.send('zhangsan', text);
          expect(status).to.equal(200);
          for (const fact of facts) expect(reply).to.contain(fact);
          expect(await current('张三')).to.deep.equal([stored]);
        });
      }
    });

    it('takes the slot from the local receive time when none is given', async () => {
      hall.clock.set('2026-11-23T12:30:00+08:00');
      expect((await hall.send('zhangsan', '36.6')).reply).to.contain('午检');
      hall.clock.set('2026-11-23T17:40:00+08:00');
      expect((await hall.send('zhangsan', '36.4')).reply).to.contain('离岗');
      expect((await current('张三')).map((r) => r.slot).sort()).to.deep.equal(['leave', 'midday']);
    });

    describe('each row of the anomaly table opens a numbered alert pushed to the leadership group', () => {
      const rows: [string, string, string[]][] = [
        ['37.3', '预警', ['体温 37.3℃', '居家医学观察']],
        ['37.5', '预警', ['体温 37.5℃', '居家医学观察']],
        ['37.6', '严重', ['体温 37.6℃', '隔离区', '120', '定点医院发热门诊']],
        ['36.5 红码', '严重', ['红码', '启动应急处置流程']],
        ['36.5 黄码', '预警', ['黄码', '核查行程']],
        ['36.5 咳嗽', '预警', ['症状：咳嗽', '重点管控']],
        ['37.4 咳嗽', '严重', ['症状：咳嗽', '居家医学观察', '重点管控']],
      ];
      for (const [text, severity, facts] of rows) {
        it(`"${text}" → ${severity}`, async () => {
          const { reply, group } = await hall.send('zhangsan', text);
          expect(reply).to.contain('告警 #1');
          expect(group).to.have.length(1);
          const alert = group[0];
          for (const fact of [`#1`, severity, '张三', '1号窗口', '08:05', '处置 1', ...facts]) expect(alert).to.contain(fact);
          expect(await hall.count('alert', 'severity = ?', [severity === '严重' ? 'critical' : 'warning'])).to.equal(1);
        });
      }
    });

    it('numbers alerts in order and says whether the person is on today\'s roster', async () => {
      await hall.service.db.run(`INSERT INTO roster (date, window_name, closed, submitted_by_id, submitted_at, late) VALUES ('2026-11-23', '1号窗口', ?, 3, 'x', ?)`, [false, false]);
      await hall.service.db.run(`INSERT INTO roster_entry (roster_id, staff_id) VALUES (1, 1)`);
      const first = await hall.send('zhangsan', '37.8');
      expect(first.group[0]).to.contain('#1').and.contain('在今日排班表上');
      expect(first.direct).to.deep.equal([{ to: 'lisi', text: first.direct[0].text }]);
      expect(first.direct[0].text).to.contain('替班').and.contain('张三').and.contain('#1');
      const second = await hall.send('zhaoliu', '36.5 红码');
      expect(second.group[0]).to.contain('#2').and.contain('不在今日排班表上');
      expect(second.direct).to.deep.equal([]);
      const third = await hall.send('sunqi', '37.4');
      expect(third.group[0]).to.contain('#3').and.contain('今日未排班');
    });

    it('corrects explicitly with 更正, and tells the group when the corrected report had an open alert', async () => {
      await hall.send('zhangsan', '37.8');
      const { reply, group } = await hall.send('zhangsan', '更正 36.6');
      expect(reply).to.contain('已更正').and.contain('37.8℃').and.contain('36.6℃').and.contain('正常');
      expect(group).to.have.length(1);
      expect(group[0]).to.contain('更正').and.contain('#1').and.contain('36.6℃').and.contain('处置 1 ').and.not.contain('编号');
      expect((await current('张三'))[0]).to.include({ temperature: 36.6, status: 'normal' });
    });

    it('says when 更正 finds nothing earlier to correct, and saves the report', async () => {
      const { reply } = await hall.send('zhangsan', '更正 36.6');
      expect(reply).to.contain('此前没有记录');
      expect(await current('张三')).to.have.length(1);
    });

    describe('代报', () => {
      it('lets a lead report for their own window; the record keeps who reported it and the person is told', async () => {
        const { reply, direct } = await hall.send('lisi', '代报 张三 36.5 绿码');
        expect(reply).to.contain('已为 张三 代报').and.contain('36.5℃');
        expect(direct).to.have.length(1);
        expect(direct[0].to).to.equal('zhangsan');
        expect(direct[0].text).to.contain('李四').and.contain('36.5℃');
        const [row] = await hall.service.db.all<{ by: string }>('SELECT b.name AS "by" FROM report r JOIN staff b ON b.id = r.reported_by_id');
        expect(row.by).to.equal('李四');
      });

      it('names the reporter in the alert of an anomalous 代报', async () => {
        const { group } = await hall.send('lisi', '代报 张三 37.9');
        expect(group[0]).to.contain('张三').and.contain('李四 代报');
      });

      it('refuses a lead reporting for another window, and stores nothing', async () => {
        const { reply } = await hall.send('lisi', '代报 孙七 36.5');
        expect(reply).to.contain('孙七').and.contain('本窗口');
        expect(await hall.count('report')).to.equal(0);
      });

      it('lets a leader report for anyone', async () => {
        expect((await hall.send('wangwu', '代报 孙七 36.5')).reply).to.contain('已为 孙七 代报');
      });

      it('refuses a staff member, an unknown name, and a missing name', async () => {
        expect((await hall.send('zhangsan', '代报 赵六 36.5')).reply).to.contain('代报').and.contain('工作人员');
        expect((await hall.send('lisi', '代报 张四 36.5')).reply).to.contain('名单中没有「张四」');
        expect((await hall.send('lisi', '代报 36.5')).reply).to.contain('姓名');
        expect(await hall.count('report')).to.equal(0);
      });
    });

    it('shows 我的记录 for the last 7 days', async () => {
      hall.clock.set('2026-11-20T08:00:00+08:00');
      await hall.send('zhangsan', '36.4');
      hall.clock.set('2026-11-23T08:00:00+08:00');
      await hall.send('zhangsan', '36.7 绿码');
      const { reply } = await hall.send('zhangsan', '我的记录');
      expect(reply).to.contain('11-23：晨检 36.7℃ 绿码').and.contain('11-20：晨检 36.4℃').and.contain('11-21：无记录');
      expect(reply).not.to.contain('11-16');
    });

    it('lists in 帮助 the commands of the sender\'s role', async () => {
      const staff = (await hall.send('zhangsan', '帮助')).reply!;
      expect(staff).to.contain('晨检 36.5').and.contain('我的记录').and.not.contain('代报');
      const lead = (await hall.send('lisi', 'help')).reply!;
      expect(lead).to.contain('代报 张三');
    });

    it('records a report with unknown words and names them; answers other text with a hint', async () => {
      expect((await hall.send('zhangsan', '36.5 呜呜')).reply).to.contain('已记录').and.contain('「呜呜」');
      expect(await hall.count('report')).to.equal(1);
      expect((await hall.send('zhangsan', '天气怎么样')).reply).to.contain('「天气怎么样」').and.contain('帮助');
      expect(await hall.count('report')).to.equal(1);
    });

    it('answers a sender not in the directory politely and stores nothing of them', async () => {
      const { reply, group, direct } = await hall.send('stranger', '36.5');
      expect(reply).to.contain('不在本大厅的人员名单中');
      expect(group).to.deep.equal([]);
      expect(direct).to.deep.equal([]);
      for (const table of ['report', 'alert']) expect(await hall.count(table), table).to.equal(0);
      // An answer by API (DingTalk, the long connections): the message is claimed (no text, no staff) so a replay is not answered twice.
      expect(await hall.count('inbound_message', `text = '' AND staff_id IS NULL`)).to.equal(platform === 'wecom' ? 0 : 1);
      expect(await hall.count('inbound_message')).to.equal(platform === 'wecom' ? 0 : 1);
      // WeCom answers in the HTTP response; DingTalk's answer is the one outbox row.
      expect(await hall.count('outbox', `category <> 'reply'`)).to.equal(0);
      expect(await hall.count('outbox')).to.equal(platform === 'wecom' ? 0 : 1);
    });
  });
}

import { expect } from 'chai';
import { Hall, PLATFORMS } from '../support/hall';

for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: window rosters`, () => {
    let hall: Hall;
    afterEach(() => hall.close());
    const open = async (now = '2026-11-23T10:00:00+08:00') => (hall = await Hall.open({ platform, now }));
    const roster = (date: string, window: string) =>
      hall.service.db.all<{ name: string; late: unknown }>(
        `SELECT s.name, r.late FROM roster r JOIN roster_entry e ON e.roster_id = r.id JOIN staff s ON s.id = e.staff_id
          WHERE r.date = ? AND r.window_name = ? AND r.superseded_at IS NULL ORDER BY e.id`,
        [date, window],
      );

    describe('each form of the command', () => {
      beforeEach(() => open());

      it('明日排班: the lead\'s own window for the next workday', async () => {
        const { reply } = await hall.send('lisi', '明日排班 张三 赵六');
        expect(reply).to.contain('1号窗口').and.contain('11月24日').and.contain('张三、赵六（2 人）');
        expect((await roster('2026-11-24', '1号窗口')).map((r) => r.name)).to.deep.equal(['张三', '赵六']);
      });

      it('排班 with an explicit date in each written form, names split by 、，, or spaces', async () => {
        for (const [text, date] of [
          ['排班 11月24日 张三、赵六', '2026-11-24'],
          ['排班 2026-11-25 张三，赵六', '2026-11-25'],
          ['排班 明天 张三,赵六', '2026-11-24'],
          ['排班 后天 张三 赵六', '2026-11-25'],
          ['排班 下周一 张三 赵六', '2026-11-30'],
        ]) {
          const { reply } = await hall.send('lisi', text);
          expect(reply, text).to.contain('张三、赵六');
          expect((await roster(date, '1号窗口')).map((r) => r.name), text).to.deep.equal(['张三', '赵六']);
        }
      });

      it('明日排班 不开放: the window is closed that day', async () => {
        expect((await hall.send('zhouba', '明日排班 不开放')).reply).to.contain('2号窗口').and.contain('不开放');
        const [row] = await hall.service.db.all<{ closed: unknown }>(`SELECT closed FROM roster WHERE window_name = '2号窗口'`);
        expect(Boolean(row.closed)).to.equal(true);
      });

      it('a leader names the window', async () => {
        expect((await hall.send('wangwu', '明日排班 2号窗口 孙七')).reply).to.contain('2号窗口');
        expect((await roster('2026-11-24', '2号窗口')).map((r) => r.name)).to.deep.equal(['孙七']);
        expect((await hall.send('wangwu', '明日排班 孙七 张三')).reply).to.contain('请写明窗口');
        expect(await roster('2026-11-24', '1号窗口')).to.deep.equal([]);
      });

      it('a leader may leave the window out when every name belongs to one window', async () => {
        expect((await hall.send('wangwu', '明日排班 张三 赵六')).reply).to.contain('1号窗口').and.contain('张三、赵六（2 人）');
        expect((await roster('2026-11-24', '1号窗口')).map((r) => r.name)).to.deep.equal(['张三', '赵六']);
        expect((await hall.send('wangwu', '明日排班：孙七')).reply).to.contain('2号窗口');
        expect((await roster('2026-11-24', '2号窗口')).map((r) => r.name)).to.deep.equal(['孙七']);
      });

      it('takes a colon or comma after the keyword, the date or the window', async () => {
        for (const [from, text, date, window, names] of [
          ['lisi', '明日排班：张三、赵六', '2026-11-24', '1号窗口', ['张三', '赵六']],
          ['lisi', '明日排班，张三，赵六', '2026-11-24', '1号窗口', ['张三', '赵六']],
          ['lisi', '排班 11月25日：张三', '2026-11-25', '1号窗口', ['张三']],
          ['wangwu', '明日排班：2号窗口：孙七', '2026-11-24', '2号窗口', ['孙七']],
          ['lisi', '【明日排班】赵六和张三', '2026-11-24', '1号窗口', ['赵六', '张三']],
        ] as const) {
          const { reply } = await hall.send(from, text);
          expect(reply, text).to.contain(window);
          expect((await roster(date, window)).map((r) => r.name), text).to.deep.equal(names);
        }
        expect((await hall.send('zhouba', '明日排班：不开放')).reply).to.contain('2号窗口').and.contain('不开放');
        const [row] = await hall.service.db.all<{ closed: unknown }>(`SELECT closed FROM roster WHERE window_name = '2号窗口' AND superseded_at IS NULL`);
        expect(Boolean(row.closed)).to.equal(true);
      });

      it('understands the natural synonyms and full dates', async () => {
        for (const [text, date, names] of [
          ['明天排班 张三 赵六', '2026-11-24', ['张三', '赵六']],
          ['次日排班：张三', '2026-11-24', ['张三']],
          ['排班 2026年11月25日 张三', '2026-11-25', ['张三']],
          ['排班 11/26 赵六', '2026-11-26', ['赵六']],
          ['提交排班 2026-11-27 张三', '2026-11-27', ['张三']],
          ['明天的排班：赵六', '2026-11-24', ['赵六']],
          ['排班：张三 赵六', '2026-11-24', ['张三', '赵六']],
        ] as const) {
          expect((await hall.send('lisi', text)).reply, text).to.contain('1号窗口');
          expect((await roster(date, '1号窗口')).map((r) => r.name), text).to.deep.equal(names);
        }
        for (const text of ['查看排班状态', '排班情况', '请查看排班']) expect((await hall.send('wangwu', text)).reply, text).to.contain('已提交 1/2');
      });

      it('排班状态 shows who submitted for the next workday and who is on each', async () => {
        await hall.send('lisi', '明日排班 张三 赵六');
        const { reply } = await hall.send('wangwu', '排班状态');
        expect(reply).to.contain('已提交 1/2').and.contain('1号窗口：张三、赵六（2 人）').and.contain('未提交：2号窗口');
      });
    });

    describe('rejections', () => {
      beforeEach(() => open());
      const refused = async (from: string, text: string, ...facts: string[]) => {
        const { reply } = await hall.send(from, text);
        for (const fact of facts) expect(reply, text).to.contain(fact);
        expect(await hall.count('roster'), text).to.equal(0);
      };

      it('rejects the whole roster when a name is unknown, listing the unknown names', () => refused('lisi', '明日排班 张三 张四 王小二', '张四、王小二', '未保存'));
      it('rejects a name given twice', () => refused('lisi', '明日排班 张三 赵六 张三', '重复', '张三'));
      it('refuses a staff member', () => refused('zhangsan', '明日排班 张三', '不在工作人员可用的命令中'));
      it('refuses a lead another window', () => refused('lisi', '明日排班 2号窗口 孙七', '本窗口'));
      it('refuses a past date', () => refused('lisi', '排班 11月20日 张三', '已经过去'));
      it('refuses a date more than 14 days ahead', () => refused('lisi', '排班 2026-12-10 张三', '超过 14 天'));
      it('refuses a non-workday', () => refused('lisi', '排班 11月28日 张三', '不是工作日'));
      it('asks for names', () => refused('lisi', '明日排班', '明日排班 张三 李四'));
      it('names a date it cannot read', () => refused('lisi', '排班 礼拜八 张三', '礼拜八'));
    });

    describe('warnings and the health cross-check', () => {
      beforeEach(() => open());

      it('accepts a person of another window with a warning', async () => {
        await hall.send('sunqi', '36.5');
        const { reply } = await hall.send('lisi', '明日排班 张三 孙七');
        expect(reply).to.contain('孙七 属于2号窗口');
        expect((await roster('2026-11-24', '1号窗口')).map((r) => r.name)).to.deep.equal(['张三', '孙七']);
      });

      it('flags rostered people with an open anomaly, a recent fever, or no report today', async () => {
        hall.clock.set('2026-11-21T08:00:00+08:00');
        await hall.send('zhaoliu', '37.4');
        await hall.send('wangwu', '处置 1 已居家观察');
        hall.clock.set('2026-11-23T08:00:00+08:00');
        await hall.send('zhangsan', '36.5 红码');
        await hall.send('zhaoliu', '36.6');
        hall.clock.set('2026-11-23T10:00:00+08:00');
        const { reply } = await hall.send('lisi', '明日排班 张三 赵六 李四');
        expect(reply).to.contain('张三：近 3 天异常 1 次：08:00 36.5℃、红码（严重，告警 #2 待处置）');
        expect(reply).to.contain('赵六：近 3 天异常 1 次：11月21日 08:00 37.4℃（预警，告警 #1 已处置）');
        expect(reply).to.contain('李四：今日未上报体温');
      });
    });

    describe('the 16:00 deadline', () => {
      it('replaces the roster before the deadline, keeping history and saying what changed', async () => {
        await open('2026-11-23T10:00:00+08:00');
        await hall.send('lisi', '明日排班 张三 赵六');
        hall.clock.set('2026-11-23T15:30:00+08:00');
        const { reply, group } = await hall.send('lisi', '明日排班 张三 李四');
        expect(reply).to.contain('已更新').and.contain('新增 李四').and.contain('移除 赵六');
        expect(group).to.deep.equal([]);
        expect((await roster('2026-11-24', '1号窗口')).map((r) => r.name)).to.deep.equal(['张三', '李四']);
        expect(await hall.count('roster')).to.equal(2);
        expect(await hall.count('roster', 'superseded_at IS NOT NULL')).to.equal(1);
      });

      it('accepts after the deadline, marked 逾期, and tells the leadership group at once', async () => {
        await open('2026-11-23T16:05:00+08:00');
        const { reply, group } = await hall.send('lisi', '明日排班 张三 赵六');
        expect(reply).to.contain('已逾期');
        expect(group).to.have.length(1);
        expect(group[0]).to.contain('逾期').and.contain('1号窗口').and.contain('李四').and.contain('张三、赵六');
        expect((await roster('2026-11-24', '1号窗口')).every((r) => Boolean(r.late))).to.equal(true);
      });

      it('puts the deadline of Monday\'s roster on Friday 16:00', async () => {
        await open('2026-11-27T16:30:00+08:00');
        const { reply } = await hall.send('lisi', '明日排班 张三');
        expect(reply).to.contain('11月30日').and.contain('已逾期').and.contain('11月27日 16:00');
      });
    });
  });
}

import { expect } from 'chai';
import { Hall, PLATFORMS } from '../support/hall';

/** Issue 12 item 1: every reading is a measurement; a re-test never erases a fever, only 更正 replaces a reading. */
for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: re-tests and corrections`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await Hall.open({ platform, now: '2026-11-23T07:55:00+08:00' })));
    afterEach(() => hall.close());

    const readings = (name: string, current = true) =>
      hall.service.db
        .all<{ temperature: unknown; status: string }>(
          `SELECT r.temperature, r.status FROM report r JOIN staff s ON s.id = r.staff_id
            WHERE s.name = ? ${current ? 'AND r.superseded_at IS NULL' : ''} ORDER BY r.id`,
          [name],
        )
        .then((rows) => rows.map((r) => `${Number(r.temperature).toFixed(1)} ${r.status}`));
    const alertStatus = async (id: number) => (await hall.service.db.all<{ status: string }>('SELECT status FROM alert WHERE id = ?', [id]))[0]?.status;

    it('keeps a fever when a normal re-test follows: the reply says 复测 and lists the slot readings, the alert stays open', async () => {
      const fever = await hall.send('zhangsan', '37.8 咳嗽');
      expect(fever.reply).to.contain('告警 #1');
      hall.clock.set('2026-11-23T08:20:00+08:00');
      const { reply, group } = await hall.send('zhangsan', '今天36.5正常');
      expect(reply).to.contain('复测').and.contain('07:55 37.8℃').and.contain('08:20 36.5℃').and.contain('告警 #1 待处置');
      expect(reply).not.to.contain('更正').and.not.to.contain('作废');
      expect(group).to.deep.equal([]);
      expect(await readings('张三')).to.deep.equal(['37.8 critical', '36.5 normal']);
      expect(await alertStatus(1)).to.equal('open');
    });

    it('opens another alert when the re-test is anomalous too, and keeps both readings', async () => {
      await hall.send('zhangsan', '37.4');
      hall.clock.set('2026-11-23T08:15:00+08:00');
      const { reply, group } = await hall.send('zhangsan', '37.9');
      expect(reply).to.contain('复测').and.contain('告警 #2');
      expect(group).to.have.length(1);
      expect(group[0]).to.contain('#2').and.contain('复测').and.contain('07:55 37.4℃（预警，告警 #1 待处置）');
      expect(await readings('张三')).to.deep.equal(['37.4 warning', '37.9 critical']);
    });

    it('acknowledges the same value sent twice as already recorded: no correction, nothing stored', async () => {
      await hall.send('zhangsan', '晨检 36.5 绿码');
      hall.clock.set('2026-11-23T08:01:00+08:00');
      const { reply, group } = await hall.send('zhangsan', '36.5');
      expect(reply).to.contain('36.5℃ 已记录（07:55 上报）').and.contain('不重复保存').and.not.contain('更正：').and.not.contain('作废');
      expect(group).to.deep.equal([]);
      expect(await hall.count('report')).to.equal(1);
    });

    it('replaces only the latest reading with 更正, keeps it in history, and tells the group the real alert number', async () => {
      await hall.send('zhangsan', '37.8');
      hall.clock.set('2026-11-23T08:02:00+08:00');
      const { reply, group } = await hall.send('zhangsan', '更正 36.6');
      expect(reply).to.contain('已更正').and.contain('07:55').and.contain('37.8℃').and.contain('告警 #1 待处置');
      expect(group).to.have.length(1);
      expect(group[0]).to.contain('张三').and.contain('37.8℃').and.contain('36.6℃').and.contain('告警 #1 仍待处置').and.contain('处置 1 处置情况');
      expect(group[0]).not.to.contain('编号');
      expect(await readings('张三')).to.deep.equal(['36.6 normal']);
      expect(await readings('张三', false)).to.deep.equal(['37.8 critical', '36.6 normal']);
      expect(await alertStatus(1)).to.equal('open');
      expect((await hall.send('wangwu', '处置 1 已核实为录入错误')).reply).to.contain('#1');
      expect(await alertStatus(1)).to.equal('acknowledged');
    });

    it('corrects the re-test, never the fever before it', async () => {
      await hall.send('zhangsan', '37.8');
      hall.clock.set('2026-11-23T08:10:00+08:00');
      await hall.send('zhangsan', '36.9');
      hall.clock.set('2026-11-23T08:11:00+08:00');
      const { reply, group } = await hall.send('zhangsan', '更正 36.6');
      expect(reply).to.contain('08:10 上报的 36.9℃ 作废');
      expect(group).to.deep.equal([]);
      expect(await readings('张三')).to.deep.equal(['37.8 critical', '36.6 normal']);
    });

    it('treats a 代报 after the person\'s own fever as a re-test too', async () => {
      await hall.send('zhangsan', '37.8');
      hall.clock.set('2026-11-23T08:30:00+08:00');
      const { reply } = await hall.send('lisi', '代报 张三 36.4');
      expect(reply).to.contain('已为 张三 代报（复测）').and.contain('37.8℃').and.contain('告警 #1 待处置');
      expect(await readings('张三')).to.deep.equal(['37.8 critical', '36.4 normal']);
    });

    it('says what to do without repeating a word (no 请立即：立即到隔离区), to the person and to a 代报 subject', async () => {
      const own = await hall.send('zhangsan', '38.1');
      const behalf = await hall.send('lisi', '代报 赵六 38.3');
      const told = behalf.direct.find((d) => d.to === 'zhaoliu')!.text;
      for (const text of [own.reply!, told]) {
        expect(text).to.contain('立即到隔离区');
        expect(text).not.to.match(/(\p{Script=Han}{2})：\1/u);
      }
    });

    it('shows every reading in 我的记录: the fever, its re-test, and what a correction replaced', async () => {
      await hall.send('zhangsan', '37.8 咳嗽');
      hall.clock.set('2026-11-23T08:20:00+08:00');
      await hall.send('zhangsan', '36.5');
      hall.clock.set('2026-11-23T12:10:00+08:00');
      await hall.send('zhangsan', '午检 36.9');
      await hall.send('zhangsan', '更正 午检 36.7');
      const { reply } = await hall.send('zhangsan', '我的记录');
      expect(reply).to.contain('晨检 37.8℃ 咳嗽（严重）；晨检复测 36.5℃；午检 36.7℃（已更正，原 36.9℃）');
    });
  });
}

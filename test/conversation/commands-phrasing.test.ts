import { expect } from 'chai';
import { Hall, PLATFORMS } from '../support/hall';

for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: commands as people say them`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await Hall.open({ platform, now: '2026-12-02T08:05:00+08:00' })));
    afterEach(() => hall.close());

    it('处置 with a colon and a comma closes the alert and keeps the note as typed', async () => {
      await hall.send('zhangsan', '37.8');
      const { reply, group } = await hall.send('wangwu', '处置：1，已处理');
      expect(reply).to.contain('告警 #1');
      expect(group[0]).to.contain('#1').and.contain('已处理');
      const [alert] = await hall.service.db.all<{ status: string; note: string }>('SELECT status, ack_note AS note FROM alert WHERE id = 1');
      expect(alert).to.deep.equal({ status: 'acknowledged', note: '已处理' });
    });

    it('answers greetings and thanks briefly and kindly, storing nothing', async () => {
      const answers: [string, string][] = [
        ['你好', '张三，你好'],
        ['您好！', '张三，你好'],
        ['谢谢', '不客气'],
        ['谢谢领导🙏', '不客气'],
        ['收到', '好的'],
        ['好的', '好的'],
        ['👍', '好的'],
      ];
      for (const [text, answer] of answers) {
        const { reply } = await hall.send('zhangsan', text);
        expect(reply, text).to.contain(answer).and.not.contain('没看懂');
      }
      expect(await hall.count('report')).to.equal(0);
    });
  });
}

describe('conversation: command synonyms', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await Hall.open({ now: '2026-12-02T08:05:00+08:00' })));
  afterEach(() => hall.close());

  const answers: [string, string, string][] = [
    ['zhangsan', '查看我的记录', '近 7 天的体温记录'],
    ['zhangsan', '我的体温记录', '近 7 天的体温记录'],
    ['zhangsan', '【我的记录】', '近 7 天的体温记录'],
    ['lisi', '今天统计', '【今日统计】'],
    ['lisi', '查看今日统计', '【今日统计】'],
    ['wangwu', '查看排班状态', '排班：已提交'],
    ['wangwu', '明天排班情况', '排班：已提交'],
    ['zhangsan', '【帮助】', '可用的命令'],
    ['zhangsan', '/help', '可用的命令'],
    ['zhangsan', '怎么用', '可用的命令'],
    ['lisi', '请查看看板', '防疫看板'],
  ];
  for (const [from, text, fact] of answers) {
    it(`${JSON.stringify(text)} → ${fact}`, async () => {
      expect((await hall.send(from, text)).reply).to.contain(fact);
    });
  }

  it('reads 我的记录 after a report, showing it', async () => {
    await hall.send('zhangsan', '晨检 36.4 一切正常');
    expect((await hall.send('zhangsan', '查看我的记录')).reply).to.contain('12-02：晨检 36.4℃');
  });

  it('代报 with a colon and the names of its synonyms', async () => {
    expect((await hall.send('lisi', '代报：张三 36.5 绿码')).reply).to.contain('已为 张三 代报');
    expect((await hall.send('lisi', '帮报 赵六 36.6')).reply).to.contain('已为 赵六 代报');
    expect(await hall.count('report')).to.equal(2);
  });
});

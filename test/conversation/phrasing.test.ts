import { expect } from 'chai';
import { Hall, PLATFORMS } from '../support/hall';

type Stored = { temperature: number; slot: string; healthCode: string | null; symptoms: string | null; status: string };

for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: reports as people type them`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await Hall.open({ platform, now: '2026-12-02T08:05:00+08:00' })));
    afterEach(() => hall.close());

    const stored = () =>
      hall.service.db.all<Stored>(
        `SELECT r.temperature, r.slot, r.health_code AS "healthCode", r.symptoms, r.status FROM report r JOIN staff s ON s.id = r.staff_id WHERE s.name = '张三' ORDER BY r.id`,
      );

    describe('an anomaly is never dropped for an unknown word: stored, pushed, and the unused words named', () => {
      const cases: [string, Partial<Stored>, string[]][] = [
        ['🤒 37.6 😷', { temperature: 37.6, status: 'critical' }, ['37.6℃', '隔离区']],
        ['37.5 低烧', { temperature: 37.5, symptoms: '发热', status: 'critical' }, ['发热']],
        ['36.4 红码了', { temperature: 36.4, healthCode: 'red', status: 'critical' }, ['红码']],
        ['37.8 阿巴阿巴 咳嗽', { temperature: 37.8, symptoms: '咳嗽', status: 'critical' }, ['「阿巴阿巴」']],
        ['36.5 黄码 呜呜', { temperature: 36.5, healthCode: 'yellow', status: 'warning' }, ['「呜呜」', '核查行程']],
      ];
      for (const [text, row, facts] of cases) {
        it(JSON.stringify(text), async () => {
          const { reply, group } = await hall.send('zhangsan', text);
          for (const fact of ['已记录', '告警 #1', ...facts]) expect(reply).to.contain(fact);
          expect(await stored()).to.have.length(1);
          expect((await stored())[0]).to.include(row);
          expect(group).to.have.length(1);
          expect(group[0]).to.contain('#1').and.contain('张三');
        });
      }
    });
  });
}

describe('conversation: ordinary phrasings are normal reports', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await Hall.open({ now: '2026-12-02T08:05:00+08:00' })));
  afterEach(() => hall.close());

  const latest = async () => {
    const rows = await hall.service.db.all<Stored>(
      `SELECT r.temperature, r.slot, r.health_code AS "healthCode", r.symptoms, r.status FROM report r JOIN staff s ON s.id = r.staff_id WHERE s.name = '张三' ORDER BY r.id DESC`,
    );
    return rows[0];
  };

  const normal: [string, Partial<Stored>][] = [
    ['36.4 一切正常', { temperature: 36.4, symptoms: '' }],
    ['36.4 身体状况良好', { temperature: 36.4, symptoms: '' }],
    ['体温：36.4 ℃（正常）', { temperature: 36.4, symptoms: '' }],
    ['【晨检】36.4', { temperature: 36.4, slot: 'morning' }],
    ['我的体温是36.3度', { temperature: 36.3 }],
    ['已测 36.5', { temperature: 36.5 }],
    ['额温36.3', { temperature: 36.3 }],
    ['@防疫助手 36.5', { temperature: 36.5 }],
    ['晨检：体温36.4℃，健康码绿码，无发热、咳嗽、乏力等症状', { temperature: 36.4, slot: 'morning', healthCode: 'green', symptoms: '' }],
    ['体温36.5 没有发烧 不咳嗽', { temperature: 36.5, symptoms: '' }],
    ['晨检 7:45 36.4', { temperature: 36.4, slot: 'morning' }],
    ['12月2日 体温36.4', { temperature: 36.4 }],
  ];
  for (const [text, row] of normal) {
    it(`records ${JSON.stringify(text)} as normal, with nothing pushed`, async () => {
      const { reply, group } = await hall.send('zhangsan', text);
      expect(reply).to.contain('已记录').and.contain('正常').and.not.contain('未识别');
      expect(await latest()).to.include({ status: 'normal', ...row });
      expect(group).to.deep.equal([]);
    });
  }

  it('reads 下午离岗 as the leave check in the afternoon', async () => {
    hall.clock.set('2026-12-02T14:30:00+08:00');
    expect((await hall.send('zhangsan', '下午离岗 36.3')).reply).to.contain('离岗');
    expect(await latest()).to.include({ slot: 'leave', temperature: 36.3 });
  });

  for (const [text, echoed] of [
    ['36,5', '36,5'],
    ['36，5', '36,5'],
    ['36..5', '36..5'],
    ['36. 5', '36. 5'],
    ['三十六度五', '三十六度五'],
    ['三十六点八', '三十六点八'],
  ]) {
    it(`reads ${JSON.stringify(text)} as the obvious value and echoes how it was written`, async () => {
      const { reply } = await hall.send('zhangsan', text);
      const value = text === '三十六点八' ? 36.8 : 36.5;
      expect(reply).to.contain(`「${echoed}」已按 ${value}℃ 记录`);
      expect(await latest()).to.include({ temperature: value });
    });
  }

  it('names the words it did not use in a normal report', async () => {
    const { reply } = await hall.send('zhangsan', '36.5 天气晴朗');
    expect(reply).to.contain('已记录').and.contain('「天气晴朗」');
    expect(await latest()).to.include({ temperature: 36.5, status: 'normal' });
  });

  it('takes no number inside markup for a temperature', async () => {
    const { reply } = await hall.send('zhangsan', '<img src=x onerror=alert(1)>');
    expect(reply).to.contain('没有找到体温').and.not.contain('1℃');
    expect(await hall.count('report')).to.equal(0);
  });

  it('reads no temperature, let alone Infinity, from a 60,000-digit message (DingTalk carries one; WeCom\'s body limit refuses it)', async () => {
    const dingtalk = await Hall.open({ platform: 'dingtalk', now: '2026-12-02T08:05:00+08:00' });
    try {
      const { reply } = await dingtalk.send('zhangsan', '9'.repeat(60_000));
      expect(reply).to.contain('没有找到体温').and.not.contain('Infinity');
      expect(await dingtalk.count('report')).to.equal(0);
    } finally {
      await dingtalk.close();
    }
  });

  describe('refuses only what is ambiguous, saying how to resend', () => {
    const refusals: [string, string[]][] = [
      ['36.5 37.2', ['多个体温', '36.5、37.2', '请只发一个体温']],
      ['36.5 绿码 红码', ['健康码只能填一种', '重新发送']],
      ['45.2', ['超出合理范围', '重新发送']],
      ['12月1日 36.5', ['只能上报今天', '12月1日', '重新发送']],
      ['昨天 36.5', ['只能上报今天', '12月1日']],
      ['赵六 36.5', ['赵六', '代报 赵六', '去掉姓名']],
    ];
    for (const [text, facts] of refusals) {
      it(JSON.stringify(text), async () => {
        const { reply, group } = await hall.send('zhangsan', text);
        for (const fact of facts) expect(reply).to.contain(fact);
        expect(reply).to.contain('未记录');
        expect(group).to.deep.equal([]);
        expect(await hall.count('report')).to.equal(0);
      });
    }
  });

  it('takes the sender\'s own name as harmless', async () => {
    const { reply } = await hall.send('zhangsan', '张三 36.5');
    expect(reply).to.contain('已记录').and.not.contain('张三」');
    expect(await hall.count('report')).to.equal(1);
  });
});

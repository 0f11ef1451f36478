import { expect } from 'chai';
import { spokenNumbers } from '../../bot/voice/spoken';
import { Hall } from '../support/hall';

describe('spoken numbers in a transcription', () => {
  it('writes the temperatures people say in digits and leaves other words alone', () => {
    expect(spokenNumbers('三十六度五')).to.equal('36.5');
    expect(spokenNumbers('三十六点五度')).to.equal('36.5');
    expect(spokenNumbers('体温三十七度二')).to.equal('体温 37.2');
    expect(spokenNumbers('晨检三十六度四 绿码 没有症状')).to.equal('晨检 36.4 绿码 没有症状');
    expect(spokenNumbers('晨检三十六度四，绿码，没有症状。')).to.equal('晨检 36.4，绿码，没有症状。');
    expect(spokenNumbers('午检三十七度')).to.equal('午检 37');
    expect(spokenNumbers('等了三十分钟 一切正常')).to.equal('等了三十分钟 一切正常');
  });
});

/** Issue 26 item 5: a voice report is read as the text it carries; the reply says what was understood. */
for (const platform of ['wecom-bot', 'dingtalk', 'dingtalk-stream'] as const) {
  describe(`voice reports on ${platform}`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await Hall.open({ platform, now: '2026-11-23T07:55:00+08:00' })));
    afterEach(() => hall.close());

    const readings = () =>
      hall.service.db
        .all<{ temperature: unknown; code: string | null }>(
          `SELECT r.temperature, r.health_code AS code FROM report r JOIN staff s ON s.id = r.staff_id WHERE s.name = '张三' AND r.superseded_at IS NULL ORDER BY r.id`,
        )
        .then((rows) => rows.map((r) => `${Number(r.temperature).toFixed(1)} ${r.code}`));

    for (const [spoken, value] of [
      ['三十六度五', '36.5'],
      ['三十六点五度', '36.5'],
      ['体温三十七度二', '37.2'],
      ['晨检三十六度四 绿码 没有症状', '36.4'],
    ]) {
      it(`records 「${spoken}」 as ${value} and opens the reply with （语音） and what it understood`, async () => {
        const { reply } = await hall.send('zhangsan', spoken, undefined, { voice: true });
        expect(reply).to.match(/^（语音）/);
        expect(reply).to.contain(`「${spokenNumbers(spoken)}」`).and.contain(`${value}℃`);
        expect(await readings()).to.have.length(1);
        expect((await readings())[0]).to.match(new RegExp(`^${value.replace('.', '\\.')}`));
      });
    }

    it('lets a misheard value be fixed with a typed 更正, keeping one current reading', async () => {
      const misheard = await hall.send('zhangsan', '晨检三十七度四 绿码 没有症状', undefined, { voice: true });
      expect(misheard.reply).to.contain('（语音）').and.contain('37.4').and.contain('更正');
      const fixed = await hall.send('zhangsan', '更正 36.4');
      expect(fixed.reply).to.contain('36.4').and.not.contain('（语音）');
      const current = await readings();
      expect(current).to.have.length(1);
      expect(current[0]).to.match(/^36\.4 /);
    });

    it('answers a voice message with no recognised text 请用文字发送 and stores no report', async () => {
      const { reply } = await hall.send('zhangsan', '', undefined, { voice: true });
      expect(reply).to.contain('请用文字发送');
      expect(await hall.count('report')).to.equal(0);
    });
  });
}

describe('voice on the WeCom self-built app', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await Hall.open({ platform: 'wecom', now: '2026-11-23T07:55:00+08:00' })));
  afterEach(() => hall.close());

  it('answers a voice message, which carries no text, 请用文字发送 and stores nothing', async () => {
    const { status, reply } = await hall.send('zhangsan', '三十六度五', undefined, { voice: true });
    expect(status).to.equal(200);
    expect(reply).to.contain('请用文字发送');
    expect(await hall.count('report')).to.equal(0);
    expect(await hall.count('inbound_message')).to.equal(0);
  });
});

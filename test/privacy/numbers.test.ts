import { expect } from 'chai';
import { normalise } from '../../bot/normalise';
import { maskOutgoing, maskPersonalNumbers, mobilesIn, normalisePhone, SAMPLE_MOBILE } from '../../bot/privacy/numbers';

describe('the one reading of phone and ID numbers', () => {
  const phones: [string, string][] = [
    ['138,2222,3333', '13822223333'],
    ['138、4444、5555', '13844445555'],
    ['138\u200b1234\u200b5678', '13812345678'],
    ['(+86)138 1234 5662', '13812345662'],
    ['（＋８６）１３８　１２３４　５６６２', '13812345662'],
    ['0086-138-1234-5662', '13812345662'],
    ['86 13812345662', '13812345662'],
    ['138。1234。5678', '13812345678'],
    ['138；1234；5678', '13812345678'],
  ];
  for (const [written, phone] of phones) {
    it(`reads ${JSON.stringify(written)} as ${phone} in the normalised text, and masks it where it was typed`, () => {
      const found = mobilesIn(normalise(`登记 陈一 ${written} 36.5`));
      expect(found.map((w) => normalisePhone(w.written))).to.deep.equal([phone]);
      expect(maskPersonalNumbers(`电话 ${written}，36.5℃`)).to.equal(`电话 ${phone.slice(0, 3)}****${phone.slice(7)}，36.5℃`);
    });
  }

  it('masks ID numbers, 18 and 15 digits, whole or grouped, keeping the first six and the last four', () => {
    expect(maskPersonalNumbers('身份证 110101199003071234')).to.equal('身份证 110101********1234');
    expect(maskPersonalNumbers('身份证：110101 19900307 123x')).to.equal('身份证：110101********123X');
    expect(maskPersonalNumbers('证件 110101-1990-0307-1234')).to.equal('证件 110101********1234');
    expect(maskPersonalNumbers('老证 110101900307123')).to.equal('老证 110101*****7123');
  });

  it('leaves readings, dates, times, counts and longer or shorter digit runs alone', () => {
    for (const text of ['体温 36.5', '2026-11-23 08:45 晨检 36.5℃', '已报 12/15 人', '订单 1381234567', '流水 138123456789', '36.5 37.2 36.8', '告警 #13812']) {
      expect(maskPersonalNumbers(text)).to.equal(text);
    }
  });
});

describe('what the bot sends: its own sample number shown in full', () => {
  it('keeps the sample number of the bot’s examples in what it sends, so an example can be sent back as it stands', () => {
    expect(maskOutgoing(`如：登记 张三 ${SAMPLE_MOBILE} 36.5 绿码`)).to.contain(SAMPLE_MOBILE);
  });

  it('masks every other number in what it sends, and the sample number too in what people typed', () => {
    expect(maskOutgoing('访客 13912345678，身份证 110101199003071234')).to.equal('访客 139****5678，身份证 110101********1234');
    expect(maskPersonalNumbers(`登记 张三 ${SAMPLE_MOBILE}`)).to.equal('登记 张三 138****5678');
  });
});

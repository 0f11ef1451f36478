import { expect } from 'chai';
import { normalise, normaliseTracked, typedTail } from '../bot/normalise';

describe('normalise', () => {
  const cases: [string, string, string][] = [
    ['turns full-width digits into ASCII', '３６.８ 咳嗽', '36.8 咳嗽'],
    ['turns a full-width point into ASCII', '３６．５', '36.5'],
    ['turns ℃ into °C and the full-width colon into ASCII', '体温：36.5℃', '体温:36.5°C'],
    ['turns ℉ into °F', '98.6℉', '98.6°F'],
    ['reads a Chinese full stop between digits as a decimal point', '36。5', '36.5'],
    ['treats ，,、;； alike as one space', '  离岗，36.4、绿码；无症状,咳嗽;乏力 ', '离岗 36.4 绿码 无症状 咳嗽 乏力'],
    ['treats a run of separators and spaces as one', '36.5 ，、 绿码', '36.5 绿码'],
    ['treats the ideographic space, tabs and new lines as spaces', '午检\u300036.6\t绿码\n咳嗽', '午检 36.6 绿码 咳嗽'],
    ['treats a phrase-ending 。 as a separator and drops a final one', '体温36.5。绿码。', '体温36.5 绿码'],
    ['drops zero-width characters', '36\u200b.5\ufeff', '36.5'],
    ['removes a leading @-mention of the bot', '@HallGuard 晨检 36.5', '晨检 36.5'],
    ['removes a mention followed by the WeCom four-per-em space', '@机器人\u2005午检 36.6', '午检 36.6'],
    ['removes a full-width @ mention followed by an ideographic space', '＠防疫助手\u3000午检\u300036.6', '午检 36.6'],
    ['removes several leading mentions', '@HallGuard @机器人 36.5', '36.5'],
    ['leaves nothing of a bare mention', ' @HallGuard ', ''],
    ['keeps an @ that is not at the start', '代报 @张三 36.5', '代报 @张三 36.5'],
    ['keeps keywords glued to numbers', '体温36.5', '体温36.5'],
  ];
  for (const [behaviour, input, expected] of cases) {
    it(`${behaviour}: ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(normalise(input)).to.equal(expected);
    });
  }

  it('is idempotent', () => {
    for (const [, input] of cases) expect(normalise(normalise(input))).to.equal(normalise(input));
  });

  it('knows, for every character it keeps, where it was typed, and keeps exactly what normalise keeps', () => {
    const more = ['善后 8 已通知家属，窗口由2号窗口支援。', '启动应急 门口群众体温３８．５℃，已等候', '@防疫助手\u2005处置 4 已处理；已通知', '进展 2 隔离 复测36,8度', 'e\u0301 é 가', '  。，、  '];
    for (const input of [...cases.map(([, i]) => i), ...more]) {
      const tracked = normaliseTracked(input);
      expect(tracked.text).to.equal(normalise(input));
      expect(tracked.from, input).to.have.length(tracked.text.length + 1);
    }
  });

  describe('typedTail: the free text after the command words, as typed', () => {
    const tails: [string, string, string, string][] = [
      ['keeps Chinese commas', '善后 8 已通知家属，窗口由2号窗口支援', '已通知家属 窗口由2号窗口支援', '已通知家属，窗口由2号窗口支援'],
      ['keeps a final full stop and brackets', '进展 1 隔离 已送隔离室（2号观察间）。', '已送隔离室(2号观察间)', '已送隔离室（2号观察间）。'],
      ['keeps full-width digits and ℃ as typed', '启动应急 门口群众体温３８．５℃，已等候', '门口群众体温38.5°C 已等候', '门口群众体温３８．５℃，已等候'],
      ['keeps line breaks inside the note', '结案 3 核酸阴性\n解除隔离', '核酸阴性 解除隔离', '核酸阴性\n解除隔离'],
      ['after a leading mention', '@防疫助手\u2005处置 4 已处理；已通知', '已处理 已通知', '已处理；已通知'],
      ['drops invisible characters', '处置 4 已\u200b处理', '已处理', '已处理'],
      ['keeps a decimal comma as typed', '进展 2 隔离 复测36,8度', '复测36\u201a8度', '复测36,8度'],
    ];
    for (const [behaviour, typed, tail, expected] of tails) {
      it(`${behaviour}: ${JSON.stringify(typed)}`, () => {
        expect(normalise(typed).endsWith(tail), 'the tail is the end of the normalised text').to.equal(true);
        expect(typedTail(typed, tail)).to.equal(expected);
      });
    }

    it('gives the normalised tail where NFKC joins neighbouring characters (ｶﾞ → ガ) and sources are lost', () => {
      expect(normaliseTracked('处置 4 ｶﾞ，已处理').from).to.equal(undefined);
      expect(typedTail('处置 4 ｶﾞ，已处理', 'ガ 已处理')).to.equal('ガ 已处理');
    });

    it('gives the tail itself when it is not the end of the normalised text', () => {
      expect(typedTail('处置 4 已处理', '别的')).to.equal('别的');
      expect(typedTail('处置 4 已处理', '')).to.equal('');
    });
  });
});

import { expect } from 'chai';
import { normalise } from '../../../bot/normalise';
import { parseBehalf, parseReport, slotAt } from '../../../handlers/temperature/grammar';

const parse = (text: string) => parseReport(normalise(text));

describe('temperature grammar', () => {
  describe('accepts every example of SPEC §3.1 and the loose forms people type', () => {
    const accepted: [string, object][] = [
      ['36.5', { temperature: 36.5, slot: undefined, healthCode: undefined, symptoms: null }],
      ['体温 36.5', { temperature: 36.5 }],
      ['体温：36.5℃', { temperature: 36.5 }],
      ['36.5度 绿码', { temperature: 36.5, healthCode: 'green' }],
      ['晨检 36.4', { temperature: 36.4, slot: 'morning' }],
      ['午检 36.6 咳嗽', { temperature: 36.6, slot: 'midday', symptoms: ['咳嗽'] }],
      ['离岗 36.5 绿码 无症状', { temperature: 36.5, slot: 'leave', healthCode: 'green', symptoms: [] }],
      ['体温36.8 黄码 咽痛 乏力', { temperature: 36.8, healthCode: 'yellow', symptoms: ['咽痛', '乏力'] }],
      ['体温36.5', { temperature: 36.5 }],
      ['３６.８ 咳嗽', { temperature: 36.8, symptoms: ['咳嗽'] }],
      ['离岗 36.4 绿码', { temperature: 36.4, slot: 'leave', healthCode: 'green' }],
      ['36°C', { temperature: 36 }],
      ['36.5c', { temperature: 36.5 }],
      ['体温:36.5', { temperature: 36.5 }],
      ['36', { temperature: 36 }],
      ['体温36.8黄码咽痛', { temperature: 36.8, healthCode: 'yellow', symptoms: ['咽痛'] }],
      ['晨检体温36.5℃，健康码绿码，无', { temperature: 36.5, slot: 'morning', healthCode: 'green', symptoms: [] }],
      ['健康码 绿 36.6', { temperature: 36.6, healthCode: 'green' }],
      ['早上 36.3 嗓子疼 发烧', { slot: 'morning', symptoms: ['咽痛', '发热'] }],
      ['36.5 无发热 无咳嗽', { symptoms: [] }],
      ['下班 36。5', { slot: 'leave', temperature: 36.5 }],
      ['temp 36.5 green', { temperature: 36.5, healthCode: 'green' }],
      ['36.55', { temperature: 36.6 }],
      ['35.0', { temperature: 35 }],
      ['42.0', { temperature: 42 }],
    ];
    for (const [text, expected] of accepted) {
      it(`reads "${text}"`, () => {
        const parsed = parse(text);
        expect(parsed.kind, JSON.stringify(parsed)).to.equal('report');
        expect(parsed).to.deep.include({ correction: false, ...expected });
      });
    }
  });

  it('marks 更正 as a correction, with or without a slot', () => {
    expect(parse('更正 36.6')).to.deep.include({ kind: 'report', temperature: 36.6, correction: true });
    expect(parse('更正 晨检 36.6')).to.deep.include({ kind: 'report', slot: 'morning', correction: true });
  });

  it('lets a symptom win over a declared "no symptoms", the safer reading', () => {
    expect(parse('36.5 无症状 咳嗽')).to.deep.include({ symptoms: ['咳嗽'] });
  });

  describe('refuses what cannot be a body temperature, saying why', () => {
    it('suggests 36.5 for 365', () => expect(parse('体温 365')).to.deep.equal({ kind: 'decimal-missing', value: 365, suggestion: 36.5 }));
    it('recognises 98.6 as Fahrenheit', () => expect(parse('98.6')).to.deep.equal({ kind: 'fahrenheit', value: 98.6, celsius: 37 }));
    it('recognises an explicit °F', () => expect(parse('99℉')).to.deep.include({ kind: 'fahrenheit', value: 99 }));
    it('recognises 华氏', () => expect(parse('华氏 97')).to.deep.include({ kind: 'fahrenheit', celsius: 36.1 }));
    it('calls 45.2 out of range', () => expect(parse('45.2')).to.deep.equal({ kind: 'out-of-range', value: 45.2 }));
    it('calls 34.9 out of range', () => expect(parse('34.9')).to.deep.equal({ kind: 'out-of-range', value: 34.9 }));
    it('calls 42.1 out of range', () => expect(parse('42.1')).to.deep.equal({ kind: 'out-of-range', value: 42.1 }));
    it('asks for one value when given two', () => expect(parse('36.5 36.8')).to.deep.equal({ kind: 'several-temperatures', values: [36.5, 36.8] }));
    it('asks for a number when there is none', () => expect(parse('晨检 绿码')).to.deep.equal({ kind: 'missing-temperature' }));
    it('refuses two health codes', () => expect(parse('36.5 绿码 红码')).to.deep.equal({ kind: 'conflicting-codes', codes: ['green', 'red'] }));
    it('refuses two slots', () => expect(parse('晨检 午检 36.5')).to.deep.equal({ kind: 'conflicting-slots', slots: ['morning', 'midday'] }));
    it('names the words it did not understand', () =>
      expect(parse('36.5 红吗 有点累 红吗')).to.deep.equal({ kind: 'unknown-words', words: ['红吗', '有点累'] }));
    it('names a misspelt health code', () => expect(parse('体温36.5绿吗')).to.deep.equal({ kind: 'unknown-words', words: ['绿吗'] }));
  });

  describe('代报', () => {
    it('reads the name and the report after it', () => {
      expect(parseBehalf(normalise('代报 张三 36.5 绿码'))).to.deep.equal({
        kind: 'behalf',
        name: '张三',
        report: { kind: 'report', slot: undefined, temperature: 36.5, healthCode: 'green', symptoms: null, correction: false },
      });
    });
    it('reads a name glued to the number or to a slot', () => {
      expect(parseBehalf('代报张三36.5')).to.deep.include({ kind: 'behalf', name: '张三' });
      expect(parseBehalf('代报 欧阳娜娜晨检36.5')).to.deep.include({ kind: 'behalf', name: '欧阳娜娜' });
    });
    it('asks for the name when there is none', () => expect(parseBehalf('代报 36.5')).to.deep.equal({ kind: 'missing-name' }));
    it('passes on the report problem', () => expect(parseBehalf('代报 张三 365')).to.deep.include({ kind: 'decimal-missing' }));
  });

  describe('slot by local time', () => {
    const cases: [number, number, string][] = [
      [7, 30, 'morning'],
      [10, 59, 'morning'],
      [11, 0, 'midday'],
      [15, 0, 'midday'],
      [15, 1, 'leave'],
      [22, 0, 'leave'],
    ];
    for (const [h, m, slot] of cases) it(`${h}:${String(m).padStart(2, '0')} is ${slot}`, () => expect(slotAt(h, m)).to.equal(slot));
  });
});

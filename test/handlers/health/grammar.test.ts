import { expect } from 'chai';
import { normalise } from '../../../bot/normalise';
import {
  CODE_LABEL,
  looksLikeReport,
  parseBehalf,
  parseReport,
  SLOT_LABEL,
  slotAt,
  SYMPTOMS,
  type ParsedReport,
} from '../../../handlers/health/grammar';

const parse = (text: string) => parseReport(normalise(text), { today: '2026-12-02' });
const report = (fields: Partial<ParsedReport> = {}): ParsedReport => ({
  kind: 'report',
  slot: undefined,
  temperature: 36.5,
  healthCode: undefined,
  symptoms: null,
  correction: false,
  unused: [],
  ...fields,
});
const SPEC_SYMPTOMS = ['咳嗽', '咽痛', '乏力', '发热', '头晕', '头痛', '腹泻', '嗅觉减退', '味觉减退', '呼吸困难', '精神萎靡'];

/** [what people type, what it is read as] */
type Case = [string, Partial<ParsedReport>];
function readsAll(cases: Case[]) {
  for (const [text, fields] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => expect(parse(text)).to.deep.equal(report(fields)));
  }
}

describe('temperature grammar', () => {
  describe('accepts every example of SPEC §3.1', () =>
    readsAll([
      ['36.5', {}],
      ['体温 36.5', {}],
      ['体温：36.5℃', {}],
      ['36.5度 绿码', { healthCode: 'green' }],
      ['晨检 36.4', { slot: 'morning', temperature: 36.4 }],
      ['午检 36.6 咳嗽', { slot: 'midday', temperature: 36.6, symptoms: ['咳嗽'] }],
      ['离岗 36.5 绿码 无症状', { slot: 'leave', healthCode: 'green', symptoms: [] }],
      ['体温36.8 黄码 咽痛 乏力', { temperature: 36.8, healthCode: 'yellow', symptoms: ['咽痛', '乏力'] }],
    ]));

  describe('accepts the loose forms people type on a phone', () =>
    readsAll([
      ['体温36.5', {}],
      ['３６.８ 咳嗽', { temperature: 36.8, symptoms: ['咳嗽'] }],
      ['离岗 36.4 绿码', { slot: 'leave', temperature: 36.4, healthCode: 'green' }],
      ['36°C', { temperature: 36 }],
      ['36.5c', {}],
      ['36.5C', {}],
      ['36.5°', {}],
      ['36.5 ℃', {}],
      ['36.5摄氏度', {}],
      ['体温:36.5', {}],
      ['36', { temperature: 36 }],
      ['36度5', { written: '36度5' }],
      ['36点5', { written: '36点5' }],
      ['36。5', {}],
      ['体温36.5。', {}],
      ['@HallGuard 36.5', {}],
      ['温度36.5', {}],
      ['测温 36.5', {}],
      ['体温36.8黄码咽痛', { temperature: 36.8, healthCode: 'yellow', symptoms: ['咽痛'] }],
      ['晨检体温36.5℃，健康码绿码，无', { slot: 'morning', healthCode: 'green', symptoms: [] }],
      ['你好 上报体温 36.5 谢谢', {}],
      ['36.5 cough', { symptoms: ['咳嗽'] }],
      ['temp 36.5 green', { healthCode: 'green' }],
      ['Temperature 36.5 noon yellow cough', { slot: 'midday', healthCode: 'yellow', symptoms: ['咳嗽'] }],
      ['morning 36.4 red', { slot: 'morning', temperature: 36.4, healthCode: 'red' }],
      ['leave 36.5 none', { slot: 'leave', symptoms: [] }],
      ['midday 36.6 sore throat fatigue', { slot: 'midday', temperature: 36.6, symptoms: ['咽痛', '乏力'] }],
    ]));

  describe('marks 更正 as a correction', () =>
    readsAll([
      ['更正 36.6', { temperature: 36.6, correction: true }],
      ['更正 晨检 36.6', { slot: 'morning', temperature: 36.6, correction: true }],
      ['更正晨检36.6', { slot: 'morning', temperature: 36.6, correction: true }],
      ['晨检 更正 36.6', { slot: 'morning', temperature: 36.6, correction: true }],
      ['correct 36.6', { temperature: 36.6, correction: true }],
    ]));

  describe('reads the slot aliases as their slot', () =>
    readsAll([
      ['早检 36.5', { slot: 'morning' }],
      ['早上 36.5', { slot: 'morning' }],
      ['早晨36.5', { slot: 'morning' }],
      ['中午 36.5', { slot: 'midday' }],
      ['午间36.5', { slot: 'midday' }],
      ['下班 36.5', { slot: 'leave' }],
      ['加测 36.5', { slot: 'extra' }],
      ['加测体温36.7 绿码', { slot: 'extra', temperature: 36.7, healthCode: 'green' }],
    ]));

  describe('reads the health-code forms', () =>
    readsAll([
      ['36.5 健康码绿码', { healthCode: 'green' }],
      ['健康码 绿 36.6', { temperature: 36.6, healthCode: 'green' }],
      ['36.5 健康码：黄', { healthCode: 'yellow' }],
      ['36.5 健康码红色', { healthCode: 'red' }],
      ['36.5 健康码正常', { healthCode: 'green' }],
      ['绿码 36.5 绿码', { healthCode: 'green' }],
    ]));

  describe('maps symptom aliases to the canonical word', () =>
    readsAll([
      ['36.5 咽喉痛', { symptoms: ['咽痛'] }],
      ['36.5 喉咙痛', { symptoms: ['咽痛'] }],
      ['36.5 嗓子疼', { symptoms: ['咽痛'] }],
      ['36.5 发烧', { symptoms: ['发热'] }],
      ['36.5 拉肚子', { symptoms: ['腹泻'] }],
      ['36.5 头疼', { symptoms: ['头痛'] }],
      ['36.5 胸闷 流鼻涕', { symptoms: ['胸闷', '流涕'] }],
      ['36.5 咳嗽 干咳', { symptoms: ['咳嗽'] }],
      ['早上 36.3 嗓子疼 发烧', { slot: 'morning', temperature: 36.3, symptoms: ['咽痛', '发热'] }],
    ]));

  it('knows every symptom of the SPEC vocabulary', () => {
    expect(SYMPTOMS).to.include.members(SPEC_SYMPTOMS);
    for (const symptom of SYMPTOMS) expect(parse(`36.5 ${symptom}`), symptom).to.deep.equal(report({ symptoms: [symptom] }));
  });

  describe('reads a declaration of no symptoms as none', () =>
    readsAll([
      ['36.5 无', { symptoms: [] }],
      ['36.5 无症状', { symptoms: [] }],
      ['36.5 无异常', { symptoms: [] }],
      ['36.5 没有', { symptoms: [] }],
      ['36.5 正常', { symptoms: [] }],
      ['36.5 无发热 无咳嗽', { symptoms: [] }],
      ['36.5 没有发烧', { symptoms: [] }],
    ]));

  describe('lets a symptom win over "no symptoms", the safer reading; a glued negation only removes its own symptom', () =>
    readsAll([
      ['36.5 无症状 咳嗽', { symptoms: ['咳嗽'] }],
      ['36.5 无，咳嗽', { symptoms: ['咳嗽'] }],
      ['36.5 无 咳嗽', { symptoms: ['咳嗽'] }],
      ['36.5 不咳嗽 头痛', { symptoms: ['头痛'] }],
    ]));

  describe('reads values to one decimal, bounds 35.0 and 42.0 included', () =>
    readsAll([
      ['35.0', { temperature: 35 }],
      ['35', { temperature: 35 }],
      ['42.0', { temperature: 42 }],
      ['36.55', { temperature: 36.6 }],
      ['36.54', { temperature: 36.5 }],
      ['42.04', { temperature: 42 }],
      ['36.5 36.5℃', {}],
    ]));

  describe('refuses what cannot be a body temperature, saying why', () => {
    const refused: [string, string, object][] = [
      ['asks for a number when there is none', '晨检 绿码', { kind: 'missing-temperature' }],
      ['asks for a number after a bare keyword', '体温', { kind: 'missing-temperature' }],
      ['suggests 36.5 for 365', '体温 365', { kind: 'decimal-missing', value: 365, suggestion: 36.5 }],
      ['suggests 35 for 350', '350', { kind: 'decimal-missing', value: 350, suggestion: 35 }],
      ['suggests 42 for 420', '420', { kind: 'decimal-missing', value: 420, suggestion: 42 }],
      ['calls 421 out of range', '421', { kind: 'out-of-range', value: 421 }],
      ['recognises 98.6 as Fahrenheit, 37.0 ℃', '98.6', { kind: 'fahrenheit', value: 98.6, celsius: 37 }],
      ['recognises 95 as Fahrenheit', '95', { kind: 'fahrenheit', value: 95, celsius: 35 }],
      ['recognises 108 as Fahrenheit', '108', { kind: 'fahrenheit', value: 108, celsius: 42.2 }],
      ['recognises an explicit ℉', '99℉', { kind: 'fahrenheit', value: 99, celsius: 37.2 }],
      ['recognises an explicit °F', '99.5°F', { kind: 'fahrenheit', value: 99.5, celsius: 37.5 }],
      ['recognises 华氏', '华氏 97', { kind: 'fahrenheit', value: 97, celsius: 36.1 }],
      ['believes an explicit °F even on a Celsius-like value', '36.5°F', { kind: 'fahrenheit', value: 36.5, celsius: 2.5 }],
      ['calls 94.9 out of range', '94.9', { kind: 'out-of-range', value: 94.9 }],
      ['calls 108.1 out of range', '108.1', { kind: 'out-of-range', value: 108.1 }],
      ['calls 45.2 out of range', '45.2', { kind: 'out-of-range', value: 45.2 }],
      ['calls 34.9 out of range', '34.9', { kind: 'out-of-range', value: 34.9 }],
      ['calls 42.1 out of range', '42.1', { kind: 'out-of-range', value: 42.1 }],
      ['calls 3.65 out of range', '3.65', { kind: 'out-of-range', value: 3.65 }],
      ['asks for one value when given two', '36.5 36.8', { kind: 'several-temperatures', values: [36.5, 36.8] }],
      ['reads a comma between two values as a separator', '36.5，37.2', { kind: 'several-temperatures', values: [36.5, 37.2] }],
      ['refuses two health codes', '36.5 绿码 红码', { kind: 'conflicting-codes', codes: ['green', 'red'] }],
      ['refuses two health codes in two languages', '36.5 健康码 绿 yellow', { kind: 'conflicting-codes', codes: ['green', 'yellow'] }],
      ['refuses two slots', '晨检 午检 36.5', { kind: 'conflicting-slots', slots: ['morning', 'midday'] }],
      ['refuses a daily slot and 加测 together', '午检 加测 36.5', { kind: 'conflicting-slots', slots: ['midday', 'extra'] }],
      ['refuses a reading of another day', '昨天 36.5', { kind: 'other-date', date: '2026-12-01' }],
      ['refuses a reading dated another day', '2026-12-03 36.5', { kind: 'other-date', date: '2026-12-03' }],
      ['reports the temperature problem before unknown words', '365 绿吗', { kind: 'decimal-missing', value: 365, suggestion: 36.5 }],
    ];
    for (const [behaviour, text, expected] of refused) {
      it(`${behaviour}: ${JSON.stringify(text)}`, () => expect(parse(text)).to.deep.equal(expected));
    }
  });

  describe('keeps a report with words it does not know, naming them in order, once each', () =>
    readsAll([
      ['36.5 呜呜 咕咕 呜呜', { unused: ['呜呜', '咕咕'] }],
      ['36.5 qwerty', { unused: ['qwerty'] }],
      ['37.8 阿巴阿巴 咳嗽', { temperature: 37.8, symptoms: ['咳嗽'], unused: ['阿巴阿巴'] }],
      ['36.5 红码 呜呜', { healthCode: 'red', unused: ['呜呜'] }],
      ['晨检 7.45 36.4', { slot: 'morning', temperature: 36.4, unused: ['7.45'] }],
      ['36.5 13800000001', { unused: ['13800000001'] }],
    ]));

  it('reads no temperature from a 60,000-digit number, and keeps one beside it as an unused word', () => {
    expect(parse('9'.repeat(60_000))).to.deep.equal({ kind: 'missing-temperature' });
    expect(parse(`36.5 ${'1'.repeat(60_000)}`)).to.deep.equal(report({ unused: ['1'.repeat(60_000)] }));
  });

  describe('echoes a value written other than as a plain number', () =>
    readsAll([
      ['36，5', { written: '36,5' }],
      ['三十六度五', { written: '三十六度五' }],
      ['36..5', { written: '36..5' }],
    ]));

  describe('代报', () => {
    const cases: [string, string, object][] = [
      ['reads the name and the report after it', '代报 张三 36.5 绿码', { kind: 'behalf', name: '张三', report: report({ healthCode: 'green' }) }],
      ['reads a name glued to the number', '代报张三36.5', { kind: 'behalf', name: '张三', report: report() }],
      ['reads a name glued to a slot', '代报 欧阳娜娜晨检36.5', { kind: 'behalf', name: '欧阳娜娜', report: report({ slot: 'morning' }) }],
      ['reads a name glued to a code', '代报张三绿码36.5', { kind: 'behalf', name: '张三', report: report({ healthCode: 'green' }) }],
      ['reads a name after a colon', '代报：张三 36.5', { kind: 'behalf', name: '张三', report: report() }],
      ['reads a name before a colon', '代报 张三：36.5', { kind: 'behalf', name: '张三', report: report() }],
      ['reads a non-Chinese name', 'behalf Tom 36.5', { kind: 'behalf', name: 'Tom', report: report() }],
      ['passes on a correction', '代报 张三 更正 36.6', { kind: 'behalf', name: '张三', report: report({ temperature: 36.6, correction: true }) }],
      ['asks for the name when there is none', '代报 36.5', { kind: 'missing-name' }],
      ['asks for the name after a bare 代报', '代报', { kind: 'missing-name' }],
      ['asks for the temperature after a bare name', '代报 张三', { kind: 'missing-temperature' }],
      ['passes on the report problem', '代报 张三 365', { kind: 'decimal-missing', value: 365, suggestion: 36.5 }],
      ['keeps unknown words after the name', '代报 张三 36.5 呜呜', { kind: 'behalf', name: '张三', report: report({ unused: ['呜呜'] }) }],
    ];
    for (const [behaviour, text, expected] of cases) {
      it(`${behaviour}: ${JSON.stringify(text)}`, () => expect(parseBehalf(normalise(text))).to.deep.equal(expected));
    }
  });

  describe('slot by local time: 15:00 is still 午检', () => {
    const cases: [number, number, string][] = [
      [0, 0, 'morning'],
      [7, 30, 'morning'],
      [10, 59, 'morning'],
      [11, 0, 'midday'],
      [14, 59, 'midday'],
      [15, 0, 'midday'],
      [15, 1, 'leave'],
      [23, 59, 'leave'],
    ];
    for (const [h, m, slot] of cases) it(`${h}:${String(m).padStart(2, '0')} is ${slot}`, () => expect(slotAt(h, m)).to.equal(slot));
  });

  describe('tells a report from other text that starts with no keyword', () => {
    const cases: [string, boolean][] = [
      ['36.5', true],
      ['晨检', true],
      ['绿码 无症状', true],
      ['体温正常', true],
      ['更正', true],
      ['你好', false],
      ['今日统计', false],
      ['咳嗽', false],
    ];
    for (const [text, expected] of cases) it(`${expected ? 'takes' : 'leaves'} ${JSON.stringify(text)}`, () => expect(looksLikeReport(text)).to.equal(expected));
  });

  it('exports the Chinese labels the reply catalog prints', () => {
    expect(SLOT_LABEL).to.deep.equal({ morning: '晨检', midday: '午检', leave: '离岗', extra: '加测' });
    expect(CODE_LABEL).to.deep.equal({ green: '绿码', yellow: '黄码', red: '红码' });
  });
});

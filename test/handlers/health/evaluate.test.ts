import { expect } from 'chai';
import type { HealthCode, Severity } from '../../../entities';
import { evaluate, INSTRUCTION, type Rule } from '../../../handlers/health/evaluate';

const plan = { fever: 37.3, highFever: 37.5 };
const check = (temperature: number, healthCode: HealthCode | null = null, symptoms: string[] | null = null, thresholds = plan) =>
  evaluate({ temperature, healthCode, symptoms }, thresholds);
const outcome = (r: ReturnType<typeof evaluate>) => ({ severity: r.severity, rules: r.findings.map((f) => f.rule) });

describe('anomaly rules of the hall plan', () => {
  describe('each row of the SPEC table, with its boundaries', () => {
    const rows: [string, number, HealthCode | null, string[] | null, Severity, Rule[]][] = [
      ['finds 36.5 green without symptoms normal', 36.5, 'green', [], 'normal', []],
      ['finds 37.2 normal', 37.2, null, null, 'normal', []],
      ['makes 37.3 a fever warning', 37.3, null, null, 'warning', ['fever']],
      ['makes 37.4 a fever warning', 37.4, null, null, 'warning', ['fever']],
      ['makes 37.5 a fever warning, not critical', 37.5, null, null, 'warning', ['fever']],
      ['makes 37.6 a critical high fever', 37.6, null, null, 'critical', ['high-fever']],
      ['makes a red code critical', 36.5, 'red', null, 'critical', ['red-code']],
      ['makes a yellow code a warning', 36.5, 'yellow', null, 'warning', ['yellow-code']],
      ['makes a symptom without fever a warning', 36.5, null, ['咳嗽'], 'warning', ['symptoms']],
      ['makes a symptom at 37.2 still a warning', 37.2, null, ['咳嗽'], 'warning', ['symptoms']],
      ['makes a symptom with fever critical', 37.3, null, ['咳嗽'], 'critical', ['fever', 'symptoms']],
      ['makes a symptom with high fever critical', 38.2, null, ['乏力'], 'critical', ['high-fever', 'symptoms']],
      ['keeps the highest severity of all findings', 37.8, 'yellow', ['乏力'], 'critical', ['high-fever', 'yellow-code', 'symptoms']],
      ['makes fever and a yellow code a warning', 37.4, 'yellow', null, 'warning', ['fever', 'yellow-code']],
    ];
    for (const [behaviour, t, code, symptoms, severity, rules] of rows) {
      it(behaviour, () => expect(outcome(check(t, code, symptoms))).to.deep.equal({ severity, rules }));
    }
  });

  it('gives each finding its severity, what was found and the plan instruction', () => {
    expect(check(37.4, 'yellow', ['咳嗽', '乏力']).findings).to.deep.equal([
      { rule: 'fever', severity: 'warning', what: '体温 37.4℃', instruction: '复测，不得上岗，居家医学观察' },
      { rule: 'yellow-code', severity: 'warning', what: '黄码', instruction: '暂停进入，核查行程' },
      { rule: 'symptoms', severity: 'critical', what: '症状：咳嗽、乏力', instruction: '重点管控，复测' },
    ]);
    expect(check(37.6, 'red').findings).to.deep.equal([
      { rule: 'high-fever', severity: 'critical', what: '体温 37.6℃', instruction: '立即到隔离区，拨打120，送定点医院发热门诊' },
      { rule: 'red-code', severity: 'critical', what: '红码', instruction: '暂停进入，启动应急处置流程' },
    ]);
  });

  it('words every instruction as the SPEC table does', () => {
    expect(INSTRUCTION.fever).to.contain('复测').and.contain('不得上岗').and.contain('居家医学观察');
    expect(INSTRUCTION['high-fever']).to.contain('隔离区').and.contain('120').and.contain('发热门诊');
    expect(INSTRUCTION['red-code']).to.contain('暂停进入').and.contain('启动应急处置流程');
    expect(INSTRUCTION['yellow-code']).to.contain('暂停进入').and.contain('核查行程');
    expect(INSTRUCTION.symptoms).to.contain('重点管控').and.contain('复测');
  });

  it('finds nothing in "not mentioned" or declared "no symptoms", nor in a missing code', () => {
    expect(check(36.5, null, null)).to.deep.equal({ severity: 'normal', findings: [] });
    expect(check(36.5, null, [])).to.deep.equal({ severity: 'normal', findings: [] });
    expect(evaluate({ temperature: 36.5, symptoms: null }, plan)).to.deep.equal({ severity: 'normal', findings: [] });
  });

  it('compares decimals, not binary floats, at the thresholds', () => {
    const fever = { severity: 'warning', rules: ['fever'] };
    expect(outcome(check(37.3, null, null, { fever: 0.1 * 373, highFever: 37.5 })), '0.1 × 373 = 37.300000000000004').to.deep.equal(fever);
    expect(outcome(check(37.3 - 1e-12)), 'just under 37.3 by float noise').to.deep.equal(fever);
    expect(outcome(check(37.5 + 1e-12)), 'just over 37.5 by float noise').to.deep.equal(fever);
  });

  describe('follows configured thresholds (fever 37.5, high fever 38.0)', () => {
    const hall = { fever: 37.5, highFever: 38.0 };
    const rows: [number, string[] | null, Severity, Rule[]][] = [
      [37.4, null, 'normal', []],
      [37.4, ['咳嗽'], 'warning', ['symptoms']],
      [37.5, null, 'warning', ['fever']],
      [37.5, ['咳嗽'], 'critical', ['fever', 'symptoms']],
      [38.0, null, 'warning', ['fever']],
      [38.1, null, 'critical', ['high-fever']],
    ];
    for (const [t, symptoms, severity, rules] of rows) {
      it(`makes ${t.toFixed(1)}${symptoms ? ' with a symptom' : ''} ${severity}`, () =>
        expect(outcome(check(t, null, symptoms, hall))).to.deep.equal({ severity, rules }));
    }
  });
});

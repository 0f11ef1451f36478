import { expect } from 'chai';
import { evaluate } from '../../../handlers/temperature/evaluate';

const plan = { fever: 37.3, highFever: 37.5 };
const check = (temperature: number, healthCode: 'green' | 'yellow' | 'red' | null = null, symptoms: string[] | null = null, thresholds = plan) =>
  evaluate({ temperature, healthCode, symptoms }, thresholds);

describe('anomaly rules of the hall plan', () => {
  it('finds 37.2 normal', () => expect(check(37.2)).to.deep.equal({ severity: 'normal', findings: [] }));

  it('makes 37.3 and 37.5 a warning: home observation', () => {
    for (const t of [37.3, 37.4, 37.5]) {
      const result = check(t);
      expect(result.severity, String(t)).to.equal('warning');
      expect(result.findings[0]).to.include({ rule: 'fever' });
      expect(result.findings[0].instruction).to.contain('居家医学观察').and.contain('复测');
    }
  });

  it('makes 37.6 critical: isolation room and 120', () => {
    const result = check(37.6);
    expect(result.severity).to.equal('critical');
    expect(result.findings[0].instruction).to.contain('隔离区').and.contain('120').and.contain('发热门诊');
  });

  it('makes a red code critical and starts the emergency procedure', () => {
    const result = check(36.5, 'red');
    expect(result.severity).to.equal('critical');
    expect(result.findings[0]).to.include({ rule: 'red-code' });
    expect(result.findings[0].instruction).to.contain('启动应急处置流程');
  });

  it('makes a yellow code a warning: no entry, check the itinerary', () => {
    const result = check(36.5, 'yellow');
    expect(result.severity).to.equal('warning');
    expect(result.findings[0].instruction).to.contain('核查行程');
  });

  it('makes a symptom a warning, and critical with fever', () => {
    expect(check(36.5, null, ['咳嗽']).severity).to.equal('warning');
    expect(check(36.5, null, ['咳嗽']).findings[0].instruction).to.contain('重点管控');
    const feverish = check(37.3, null, ['咳嗽']);
    expect(feverish.severity).to.equal('critical');
    expect(feverish.findings.map((f) => f.rule)).to.deep.equal(['fever', 'symptoms']);
  });

  it('finds nothing in declared "no symptoms"', () => expect(check(36.5, 'green', []).severity).to.equal('normal'));

  it('follows configured thresholds', () => {
    expect(check(37.3, null, null, { fever: 37.5, highFever: 38 }).severity).to.equal('normal');
    expect(check(38.1, null, null, { fever: 37.5, highFever: 38 }).severity).to.equal('critical');
  });

  it('collects every finding and keeps the highest severity', () => {
    const result = check(37.8, 'yellow', ['乏力']);
    expect(result.severity).to.equal('critical');
    expect(result.findings.map((f) => f.rule)).to.deep.equal(['high-fever', 'yellow-code', 'symptoms']);
  });
});

import type { HealthCode, Severity } from '../../entities';

export type Rule = 'fever' | 'high-fever' | 'red-code' | 'yellow-code' | 'symptoms';

/** One rule of the hall's plan that a report meets, with what to do now. */
export interface Finding {
  rule: Rule;
  severity: Exclude<Severity, 'normal'>;
  /** What was found, e.g. 体温 37.4℃. */
  what: string;
  /** The plan's instruction. */
  instruction: string;
}

/** The instructions of the hall's plan, by rule (SPEC §3.1 anomaly table). */
export const INSTRUCTION: Record<Rule, string> = {
  fever: '复测，不得上岗，居家医学观察',
  'high-fever': '立即到隔离区，拨打120，送定点医院发热门诊',
  'red-code': '暂停进入，启动应急处置流程',
  'yellow-code': '暂停进入，核查行程',
  symptoms: '重点管控，复测',
};

/** Tenths of a degree, so 37.3 compares equal to the threshold 37.3 whatever the float. */
const tenths = (t: number) => Math.round(t * 10);

/**
 * Applies the anomaly rules (thresholds configurable): 37.3–37.5 ℃ warning, above
 * 37.5 ℃ critical, red code critical, yellow code warning, any symptom warning
 * (critical with fever). The overall severity is the highest finding.
 */
export function evaluate(
  r: { temperature: number; healthCode?: HealthCode | null; symptoms: string[] | null },
  thresholds: { fever: number; highFever: number },
): { severity: Severity; findings: Finding[] } {
  const findings: Finding[] = [];
  const t = tenths(r.temperature);
  const feverish = t >= tenths(thresholds.fever);
  const what = `体温 ${r.temperature.toFixed(1)}℃`;
  if (t > tenths(thresholds.highFever)) findings.push({ rule: 'high-fever', severity: 'critical', what, instruction: INSTRUCTION['high-fever'] });
  else if (feverish) findings.push({ rule: 'fever', severity: 'warning', what, instruction: INSTRUCTION.fever });
  if (r.healthCode === 'red') findings.push({ rule: 'red-code', severity: 'critical', what: '红码', instruction: INSTRUCTION['red-code'] });
  if (r.healthCode === 'yellow') findings.push({ rule: 'yellow-code', severity: 'warning', what: '黄码', instruction: INSTRUCTION['yellow-code'] });
  if (r.symptoms?.length) {
    findings.push({ rule: 'symptoms', severity: feverish ? 'critical' : 'warning', what: `症状：${r.symptoms.join('、')}`, instruction: INSTRUCTION.symptoms });
  }
  const severity: Severity = findings.some((f) => f.severity === 'critical') ? 'critical' : findings.length ? 'warning' : 'normal';
  return { severity, findings };
}

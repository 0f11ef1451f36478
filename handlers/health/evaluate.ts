import { celsius, CODE_LABEL } from '../../bot/labels';
import type { HealthCode, Severity } from '../../entities';

/** A rule of the SPEC §3.1 anomaly table. */
export type Rule = 'fever' | 'high-fever' | 'red-code' | 'yellow-code' | 'symptoms';

/** One rule of the hall's plan that a report meets, with what to do now. */
export interface Finding {
  rule: Rule;
  severity: Exclude<Severity, 'normal'>;
  /** What was found, e.g. 体温 37.4℃, 红码, 症状：咳嗽、乏力. */
  what: string;
  /** The plan's instruction. */
  instruction: string;
}

/** What the rules look at: a parsed report or a stored one. */
export interface Reading {
  temperature: number;
  healthCode?: HealthCode | null;
  /** null or []: no symptoms. */
  symptoms: string[] | null;
}

/** °C; from FEVER_THRESHOLD / HIGH_FEVER_THRESHOLD, by default 37.3 / 37.5. */
export interface Thresholds {
  fever: number;
  highFever: number;
}

/** The instructions of the hall's plan, by rule (SPEC §3.1 anomaly table). */
export const INSTRUCTION: Record<Rule, string> = {
  fever: '复测，不得上岗，居家医学观察',
  'high-fever': '立即到隔离区，拨打120，送定点医院发热门诊',
  'red-code': '暂停进入，启动应急处置流程',
  'yellow-code': '暂停进入，核查行程',
  symptoms: '重点管控，复测',
};

/** Readings and thresholds are decimals held in binary floats: 37.3 must meet a 37.3 threshold, and 37.5 not exceed 37.5. */
const TOLERANCE = 1e-6;

/**
 * Applies the anomaly rules of the hall's plan (SPEC §3.1), thresholds
 * configurable: fever ≤ t ≤ highFever warning; t > highFever critical; 红码
 * critical; 黄码 warning; any symptom warning, critical with fever (t ≥ fever).
 * Findings come in that order (temperature, code, symptoms); the overall
 * severity is the highest, `normal` when there is none.
 */
export function evaluate(r: Reading, thresholds: Thresholds): { severity: Severity; findings: Finding[] } {
  const findings: Finding[] = [];
  const add = (rule: Rule, severity: Finding['severity'], what: string) => findings.push({ rule, severity, what, instruction: INSTRUCTION[rule] });
  const feverish = r.temperature >= thresholds.fever - TOLERANCE;
  const temperature = `体温 ${celsius(r.temperature)}`;
  if (r.temperature > thresholds.highFever + TOLERANCE) add('high-fever', 'critical', temperature);
  else if (feverish) add('fever', 'warning', temperature);
  if (r.healthCode === 'red') add('red-code', 'critical', CODE_LABEL.red);
  if (r.healthCode === 'yellow') add('yellow-code', 'warning', CODE_LABEL.yellow);
  if (r.symptoms?.length) add('symptoms', feverish ? 'critical' : 'warning', `症状：${r.symptoms.join('、')}`);
  const severity: Severity = findings.some((f) => f.severity === 'critical') ? 'critical' : findings.length ? 'warning' : 'normal';
  return { severity, findings };
}

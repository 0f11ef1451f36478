import { evaluate, type Finding, type Rule, type Thresholds } from '../../handlers/health/evaluate';
import type { HealthCode, Severity } from '../../entities';

/** What the door checks of a visitor: the reading when measured, the code when shown, the symptoms when asked. */
export interface VisitorSigns {
  temperature: number | null;
  healthCode: HealthCode | null;
  symptoms: string[] | null;
}

/** The plan's instruction at the door (预案一), by rule: the visitor does not come in. */
export const DOOR_INSTRUCTION: Record<Rule, string> = {
  fever: '暂停进入，劝至隔离区，复测',
  'high-fever': '暂停进入，劝至隔离区，复测；拨打120，启动应急处置流程',
  'red-code': '暂停进入，劝至隔离区，启动应急处置流程',
  'yellow-code': '暂停进入，劝至隔离区，核查行程',
  symptoms: '暂停进入，劝至隔离区，复测',
};

/**
 * A visitor's check by the rules of SPEC §3.1 — 37.3 ℃ or more, a yellow or
 * red code, a symptom — with the door's instruction (SPEC §12): above
 * 37.5 ℃ or a red code (or a symptom with fever) is critical. No reading
 * means no temperature finding.
 */
export function evaluateVisitor(v: VisitorSigns, thresholds: Thresholds): { severity: Severity; findings: Finding[] } {
  const { severity, findings } = evaluate({ temperature: v.temperature ?? -Infinity, healthCode: v.healthCode, symptoms: v.symptoms }, thresholds);
  return { severity, findings: findings.map((f) => ({ ...f, instruction: DOOR_INSTRUCTION[f.rule] })) };
}

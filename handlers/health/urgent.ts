import { normalise } from '../../bot/normalise';
import { evaluate, type Thresholds } from './evaluate';
import { parseBehalf, parseReport } from './grammar';

/** A temperature at or above a fever threshold, as typed digits (37.3, 38, 38度2) — read when the grammar could not settle the report. */
const FEVERISH = /(?<![\d.])(3[7-9]|4[0-2])(?:\s*[.度点]\s*(\d))?(?![\d])/g;
const CODE = /红码|黄码/;

/**
 * Whether a message carries what the hall's plan must act on at once — a
 * fever, a red or yellow code, a symptom — read as a report or a report for
 * someone else. A flooding sender is slowed (issue 24), but never for such a
 * message: a fever is never refused. A text the grammar cannot settle (two
 * temperatures, say) counts when it holds a feverish number or a code, the
 * safer reading.
 */
export function carriesAnomaly(text: string, thresholds: Thresholds): boolean {
  const normal = normalise(text);
  for (const parsed of [parseReport(normal), parseBehalf(normal)]) {
    const report = parsed.kind === 'report' ? parsed : parsed.kind === 'behalf' ? parsed.report : null;
    if (report) return evaluate(report, thresholds).severity !== 'normal';
  }
  if (CODE.test(normal)) return true;
  for (const [, whole, tenth] of normal.matchAll(FEVERISH)) {
    if (Number(`${whole}.${tenth ?? 0}`) >= thresholds.fever) return true;
  }
  return false;
}

import type { Sql } from '../../db/database';
import { celsius } from '../../labels';
import { incidentSweepResult } from '../../sweep/result';

/** The outcome of a 全员测温 (SPEC §11) as the report upward states it. */
export interface MassTestingResult {
  /** When everyone was asked, ISO 8601. */
  startedAt: string;
  /** Still waiting for answers (its 30 minutes not up, someone missing). */
  running: boolean;
  expected: number;
  reported: number;
  /** Readings out of the normal range: name and what was found. */
  abnormal: { name: string; finding: string }[];
  /** Names with no reading yet, or when its result was sent. */
  missing: string[];
}

/**
 * The incident's (latest) 全员测温, or null when none was run: the report's
 * section then says 未开展. A drill's answers are its drill readings, never
 * judged, so a drill has no abnormal ones.
 */
export async function massTestingOf(sql: Sql, incidentId: number): Promise<MassTestingResult | null> {
  const sweep = await incidentSweepResult(sql, incidentId);
  if (!sweep) return null;
  return {
    startedAt: sweep.startedAt,
    running: sweep.running,
    expected: sweep.asked,
    reported: sweep.answered.length,
    abnormal: sweep.answered.filter((a) => a.status === 'warning' || a.status === 'critical').map((a) => ({ name: a.name, finding: `${celsius(a.temperature)}${a.alertId ? `，告警 #${a.alertId}` : ''}` })),
    missing: sweep.missing.map((m) => m.name),
  };
}

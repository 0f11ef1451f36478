import type { Sql } from '../../db/database';

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
  /** Names with no reading when the result was sent. */
  missing: string[];
}

/**
 * The 全员测温 run for an incident, or null when none was: the report's
 * section then says 未开展. The seam for the 全员测温 feature (issue 14 item
 * 6), which records the run; until it does, no incident has one.
 */
export async function massTestingOf(_sql: Sql, _incidentId: number): Promise<MassTestingResult | null> {
  return null;
}

import type { Sql } from '../db/database';
import { zonedInstant } from '../time';
import type { StepView } from './messages';
import { closedCasesSince, incidentSteps, openCases, type ClosedCase, type IncidentRow } from './store';

/** The day's incidents: those open with their steps, and those closed since midnight; never a drill. */
export interface CasesOfDay {
  open: (IncidentRow & { steps: StepView[] })[];
  closedToday: ClosedCase[];
}

/**
 * The incidents of the day as every summary counts them (STYLE.md "Figures
 * come from one function each"): the daily brief and 今日统计 list these, the
 * dashboard's panel the same open ones.
 */
export async function casesOfDay(sql: Sql, now: Date, date: string, timezone: string): Promise<CasesOfDay> {
  const open = [];
  for (const incident of await openCases(sql)) open.push({ ...incident, steps: await incidentSteps(sql, incident, now, timezone) });
  const closedToday = (await closedCasesSince(sql, zonedInstant(date, 0, 0, timezone))).sort((a, b) => a.id - b.id);
  return { open, closedToday };
}

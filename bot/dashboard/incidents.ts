import type { Sql } from '../db/database';
import { incidentFacts, type IncidentFacts } from '../incidents/report/facts';
import { closedCasesSince, openCases, type ClosedCase } from '../incidents/store';

/** The 应急处置 panel: the open incidents in full, and the last week's closed ones. */
export interface IncidentsPanel {
  open: IncidentFacts[];
  closed: ClosedCase[];
}

const CLOSED_DAYS = 7;

/**
 * What the 应急处置 panel shows: every open incident with its checklist and
 * contacts (the same facts as the report upward), oldest first, and those
 * closed in the last week. Drills are left out: the dashboard shows the
 * hall's real state (SPEC §11), and a drill is run and scored by chat.
 */
export async function incidentsPanel(sql: Sql, now: Date, timezone: string): Promise<IncidentsPanel> {
  const open: IncidentFacts[] = [];
  for (const incident of await openCases(sql)) {
    const facts = await incidentFacts(sql, incident.id, now, timezone);
    if (facts) open.push(facts);
  }
  return { open, closed: await closedCasesSince(sql, new Date(now.getTime() - CLOSED_DAYS * 86_400_000), 10) };
}

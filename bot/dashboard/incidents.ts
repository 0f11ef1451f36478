import type { Sql } from '../db/database';
import { incidentFacts, type IncidentFacts } from '../incidents/report/facts';

/** An incident closed lately, whose report leaders may still download. */
export interface ClosedIncident {
  id: number;
  subject: string;
  closedAt: string;
  closedBy: string;
}

/** The 应急处置 panel: the open incidents in full, and the last week's closed ones. */
export interface IncidentsPanel {
  open: IncidentFacts[];
  closed: ClosedIncident[];
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
  for (const row of await sql.all<{ id: unknown }>("SELECT id FROM incident WHERE status = 'open' AND subject_kind <> 'drill' ORDER BY id")) {
    const facts = await incidentFacts(sql, Number(row.id), now, timezone);
    if (facts) open.push(facts);
  }
  const since = new Date(now.getTime() - CLOSED_DAYS * 86_400_000).toISOString();
  const closed = await sql.all<{ id: unknown; subject: string; closed_at: string; closed_by: string | null }>(
    `SELECT i.id, i.subject, i.closed_at, s.name AS closed_by FROM incident i LEFT JOIN staff s ON s.id = i.closed_by_id
      WHERE i.status = 'closed' AND i.subject_kind <> 'drill' AND i.closed_at >= ? ORDER BY i.closed_at DESC LIMIT 10`,
    [since],
  );
  return { open, closed: closed.map((r) => ({ id: Number(r.id), subject: r.subject, closedAt: r.closed_at, closedBy: r.closed_by ?? '' })) };
}

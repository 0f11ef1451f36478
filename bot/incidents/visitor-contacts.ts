import type { Sql } from '../db/database';

/** A visitor proposed as an incident's contact: the door's record, already masked (SPEC §12). */
export interface ProposedVisitor {
  visitorId: number;
  name: string;
  /** `138****1111`. */
  phoneMasked: string;
  reason: string;
}

/** A visitor contact of an incident, as 排查, the checklist and the dashboard see it. */
export interface VisitorContactView {
  id: number;
  name: string;
  phoneMasked: string;
  reason: string;
  status: 'proposed' | 'confirmed' | 'excluded';
  decidedAt: string | null;
  /** Who confirmed or excluded them; null while proposed. */
  decidedBy: string | null;
}

/** `陈前（138****1002）`: a visitor contact is always named with the masked phone. */
export function visitorContactLabel(v: { name: string; phoneMasked: string }): string {
  return `${v.name}（${v.phoneMasked}）`;
}

/** Stores the visitors proposed for an incident, in the caller's transaction. */
export async function proposeVisitors(sql: Sql, incidentId: number, visitors: ProposedVisitor[], now: Date): Promise<void> {
  for (const v of visitors) {
    await sql.run('INSERT INTO incident_visitor (incident_id, visitor_id, name, phone_masked, reason, status, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      incidentId,
      v.visitorId,
      v.name.slice(0, 64),
      v.phoneMasked,
      v.reason.slice(0, 32),
      'proposed',
      now.toISOString(),
    ]);
  }
}

/** An incident's visitor contacts by name, then masked phone. */
export async function visitorContacts(sql: Pick<Sql, 'all'>, incidentId: number): Promise<VisitorContactView[]> {
  const rows = await sql.all<VisitorContactView & { id: unknown }>(
    `SELECT v.id, v.name, v.phone_masked AS "phoneMasked", v.reason, v.status, v.decided_at AS "decidedAt", d.name AS "decidedBy"
       FROM incident_visitor v LEFT JOIN staff d ON d.id = v.decided_by_id WHERE v.incident_id = ?`,
    [incidentId],
  );
  return rows
    .map((r) => ({ ...r, id: Number(r.id) }))
    .sort((x, y) => x.name.localeCompare(y.name, 'zh-CN') || x.phoneMasked.localeCompare(y.phoneMasked));
}

/**
 * Confirms or excludes visitor contacts; confirming again keeps the first
 * decision's time and author, like staff contacts.
 */
export async function decideVisitors(sql: Sql, ids: number[], a: { verdict: 'confirmed' | 'excluded'; byId: number; now: Date }): Promise<void> {
  for (const id of ids) {
    await sql.run('UPDATE incident_visitor SET status = ?, decided_by_id = ?, decided_at = ? WHERE id = ? AND status <> ?', [a.verdict, a.byId, a.now.toISOString(), id, a.verdict]);
  }
}

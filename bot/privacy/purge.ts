import type { Sql } from '../db/database';
import { addDays } from '../time';

/** What a purge deleted. */
export interface Purged {
  visitors: number;
  reports: number;
}

/**
 * Deletes personal data past its retention (SPEC §12), by local date: a
 * visitor registered on day D is kept through day D + `visitorDays` and gone
 * the day after; staff readings likewise when `reportDays` is set. The audit
 * log is kept; messages and incidents only ever held the masked form, and
 * an incident's visitor contacts lose only their link to the record.
 */
export async function purgePersonalData(sql: Sql, today: string, retention: { visitorDays: number; reportDays?: number }): Promise<Purged> {
  const before = addDays(today, -retention.visitorDays);
  await sql.run('UPDATE incident_visitor SET visitor_id = NULL WHERE visitor_id IN (SELECT id FROM visitor WHERE date < ?)', [before]);
  const visitors = await sql.run('DELETE FROM visitor WHERE date < ?', [before]);
  const reports = retention.reportDays === undefined ? { changes: 0 } : await sql.run('DELETE FROM report WHERE date < ?', [addDays(today, -retention.reportDays)]);
  return { visitors: visitors.changes, reports: reports.changes };
}

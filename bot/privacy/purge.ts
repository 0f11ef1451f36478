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
  const reports = retention.reportDays === undefined ? { changes: 0 } : await purgeReports(sql, addDays(today, -retention.reportDays));
  return { visitors: visitors.changes, reports: reports.changes };
}

/**
 * Readings before a date: alerts and 全员测温 answers that pointed at them
 * keep what they said (an alert its reasons, an answer its time) and lose
 * only the link, so no row points at a reading that is gone.
 */
async function purgeReports(sql: Sql, before: string): Promise<{ changes: number }> {
  const old = 'SELECT id FROM report WHERE date < ?';
  await sql.run(`UPDATE alert SET report_id = NULL WHERE report_id IN (${old})`, [before]);
  await sql.run(`UPDATE sweep_person SET report_id = NULL WHERE report_id IN (${old})`, [before]);
  return sql.run('DELETE FROM report WHERE date < ?', [before]);
}

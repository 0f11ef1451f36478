/**
 * One state for an alert and its incident (SPEC §11): the alert of an
 * incident closed before 结案 settled it is handled by the leader who closed
 * the incident, at that time, the summary as its note. The same statement on
 * SQLite and PostgreSQL.
 */
export const SETTLE_CLOSED_INCIDENT_ALERTS = `UPDATE alert SET status = 'acknowledged',
    acknowledged_by_id = (SELECT i.closed_by_id FROM incident i WHERE i.id = alert.id),
    acknowledged_at = (SELECT i.closed_at FROM incident i WHERE i.id = alert.id),
    ack_note = (SELECT i.summary FROM incident i WHERE i.id = alert.id)
  WHERE alert.status = 'open' AND EXISTS (SELECT 1 FROM incident i WHERE i.id = alert.id AND i.status = 'closed')`;

import type { Finding } from '../../handlers/health/evaluate';
import type { Severity } from '../../entities';
import type { Services } from '../command';
import type { Sql } from '../db/database';
import { openIncident } from '../incidents/open';
import { localClock } from '../time';
import { proposedVisitors, visitorCaseContacts } from './contacts';
import { doorMessages, visitorLabel } from './messages';
import type { VisitorRow } from './store';

/** A visitor's anomaly at the door, as the registration found it. */
export interface VisitorAnomaly {
  visitor: VisitorRow;
  severity: Exclude<Severity, 'normal'>;
  findings: Finding[];
  now: Date;
}

/**
 * Opens the numbered alert about a visitor (SPEC §12) — subject kind
 * `visitor`, named with the masked phone so the alert outlives the visitor
 * record — and pushes it to the leadership group, in the registration's
 * transaction. A critical one opens an incident of the same number (SPEC §11):
 * the guards on duty, the staff of the window visited (from that day's
 * roster) and the other visitors within 60 minutes (masked) are proposed as
 * its contacts. Returns the alert number.
 */
export async function openVisitorAlert(sql: Sql, services: Services, a: VisitorAnomaly): Promise<number> {
  const { visitor: v, now } = a;
  const at = now.toISOString();
  const subject = visitorLabel(v);
  const [row] = await sql.all<{ id: unknown }>(
    `INSERT INTO alert (report_id, staff_id, subject_kind, subject, visitor_id, severity, reasons, instruction, status, opened_at, push_count, last_pushed_at)
     VALUES (NULL, NULL, 'visitor', ?, ?, ?, ?, ?, 'open', ?, 1, ?) RETURNING id`,
    [subject.slice(0, 64), v.id, a.severity, v.reasons, v.instruction, at, at],
  );
  const id = Number(row.id);
  await sql.run('UPDATE visitor SET alert_id = ? WHERE id = ?', [id, v.id]);
  const push = doorMessages.visitorAlert(v, { severity: a.severity, time: localClock(now, services.config.timezone), alertId: id });
  if (a.severity !== 'critical') {
    await services.notifier.toLeaders(sql, push, 'alert');
    return id;
  }
  const contacts = await visitorCaseContacts(sql, services, v);
  // The guards on duty and the staff of the window visited are the case's proposed contacts (SPEC §12), like the visitors near the time.
  const staff = contacts.flatMap((c) => (c.kind === 'staff' ? [{ person: c.person, reason: c.reason }] : []));
  const procedure = await openIncident(sql, services, { id, kind: 'visitor', subject: `访客 ${subject}`, situation: v.reasons ?? '', now, staff, visitors: proposedVisitors(contacts) });
  await services.notifier.toLeaders(sql, `${push}\n\n${procedure}`, 'alert');
  return id;
}

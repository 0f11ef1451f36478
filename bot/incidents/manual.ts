import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { localClock } from '../time';
import { openCaseAlert } from './case-alert';
import { incidentMessages } from './messages';
import { openIncident } from './open';

/** How much of the situation names the case in lists and reminders. */
const SUBJECT_CHARS = 20;

/**
 * `启动应急 <情况>` (SPEC §11): a leader opens an incident by hand — a member
 * of the public at the door, say — with no staff member behind it. It gets an
 * alert of its own for its number; everything after runs as for a reading's
 * incident, and contacts are added by name by the 排查 owners. Returns the
 * leader's reply.
 */
export async function openByHand(sql: Sql, services: Services, a: { situation: string; by: Person; now: Date }): Promise<string> {
  const subject = [...a.situation].slice(0, SUBJECT_CHARS).join('');
  const id = await openCaseAlert(sql, { kind: 'manual', subject, reasons: a.situation, now: a.now });
  const procedure = await openIncident(sql, services, { id, kind: 'manual', subject, situation: a.situation, now: a.now, openedBy: a.by });
  const header = incidentMessages.openedByHand({ id, by: a.by.name, time: localClock(a.now, services.config.timezone), situation: a.situation });
  await services.notifier.toLeaders(sql, `${header}\n\n${procedure}`, 'alert');
  return incidentMessages.startedByHand(id);
}

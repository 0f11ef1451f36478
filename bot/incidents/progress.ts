import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { marked } from '../drills/mark';
import { drillMessages } from '../drills/messages';
import { UserError } from '../errors';
import { checkedNote } from '../free-text';
import { mayActFor } from '../groups/members';
import { startIncidentSweep } from '../sweep/start';
import { settleAlert } from '../alerts/acknowledge';
import { incidentMessages } from './messages';
import { findIncident, incidentSteps, type IncidentRow } from './store';
import { stepNamed, type StepName } from './steps';

/** The incident a command names, open or closed, or the reason there is none. */
export async function incidentNamed(sql: Sql, idText: string): Promise<IncidentRow> {
  // Plain decimal digits only: Number() would read 0x7, 1e1 and 7.0 as incidents 7, 10 and 7.
  const incident = /^\d{1,9}$/.test(idText) ? await findIncident(sql, Number(idText)) : undefined;
  if (!incident) throw new UserError(incidentMessages.unknownIncident(idText));
  return incident;
}

/** The open incident a command names, or the reason it cannot be used. */
export async function openIncidentNamed(sql: Sql, idText: string): Promise<IncidentRow> {
  const incident = await incidentNamed(sql, idText);
  if (incident.status !== 'open') throw new UserError(marked(incident, incidentMessages.closedAlready(incident.id)));
  return incident;
}

/**
 * Records a step of an incident as done (`进展 12 隔离 已送隔离室`): by a
 * member of its owner group or a leader, once; the leadership group gets one
 * line. 排查 also starts the 全员测温 (once per incident; in a drill, a drill 全员测温).
 * Returns the sender's reply; all of it marked 【演练】 in a drill.
 */
export async function recordProgress(sql: Sql, services: Services, a: { idText: string; stepWord: string; note: string; by: Person; now: Date }): Promise<string> {
  const incident = await openIncidentNamed(sql, a.idText);
  const step = stepNamed(a.stepWord);
  if (!step) throw new UserError(marked(incident, incidentMessages.unknownStep(a.stepWord)));
  const tz = services.config.timezone;
  const before = (await incidentSteps(sql, incident, a.now, tz)).find((s) => s.step === step.name)!;
  if (before.done) throw new UserError(marked(incident, incidentMessages.alreadyDone(incident.id, before)));
  if (!(await mayActFor(sql, before.owner, a.by))) throw new UserError(marked(incident, incidentMessages.notOwner(before)));
  const { changes } = await sql.run('UPDATE incident_step SET done_at = ?, done_by_id = ?, note = ? WHERE incident_id = ? AND step = ? AND done_at IS NULL', [
    a.now.toISOString(),
    a.by.id,
    checkedNote(a.note),
    incident.id,
    step.name,
  ]);
  if (changes === 0) throw new UserError(marked(incident, incidentMessages.alreadyDone(incident.id, before)));
  const done = (await incidentSteps(sql, incident, a.now, tz)).find((s) => s.step === step.name)!;
  // 排查 includes measuring every staff member (SPEC §11): its first report starts the 全员测温, once per incident.
  const sweep = step.name === '排查' ? await startIncidentSweep(sql, services, { incidentId: incident.id, now: a.now, drill: incident.kind === 'drill' }) : null;
  const withSweep = (line: string) => (sweep ? `${line}\n${sweep}` : line);
  await services.notifier.toLeaders(sql, marked(incident, withSweep(incidentMessages.stepDone(incident.id, done))), 'notice');
  return marked(incident, withSweep(incidentMessages.stepRecorded(incident.id, done)));
}

/**
 * Closes an incident with a leader's summary (`结案 12 …`), listing the steps
 * not done; a drill ends by 演练 结束 instead. Its alert is settled with it
 * (SPEC §11 "one state"): handled by the leader who closed it, the summary as
 * its note, unless a 处置 already handled it.
 */
export async function closeIncident(sql: Sql, services: Services, a: { idText: string; summary: string; by: Person; now: Date }): Promise<string> {
  const incident = await openIncidentNamed(sql, a.idText);
  if (incident.kind === 'drill') throw new UserError(drillMessages.closeByEnd(incident.id));
  const steps = await incidentSteps(sql, incident, a.now, services.config.timezone);
  const summary = checkedNote(a.summary);
  await sql.run("UPDATE incident SET status = 'closed', closed_at = ?, closed_by_id = ?, summary = ? WHERE id = ? AND status = 'open'", [a.now.toISOString(), a.by.id, summary, incident.id]);
  const alertSettled = await settleAlert(sql, { id: incident.id, byId: a.by.id, note: summary, now: a.now });
  const undone: StepName[] = steps.filter((s) => !s.done).map((s) => s.step);
  const text = incidentMessages.closed({ id: incident.id, by: a.by.name, summary: a.summary, undone, alertSettled });
  await services.notifier.toLeaders(sql, text, 'notice');
  return text;
}

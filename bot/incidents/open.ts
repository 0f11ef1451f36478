import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { groupMembers } from '../groups/members';
import { proposeContacts } from './contacts';
import { incidentMessages } from './messages';
import { stepOwners } from './owners';
import { findIncident, incidentSteps } from './store';
import { STEPS } from './steps';

/**
 * Opens an incident numbered as its alert (SPEC §11): the seven steps with
 * their owner groups and due times, and each owner group's members told
 * their steps directly, and the 排查 owners the contacts the hall's data
 * suggests. Returns the checklist for the caller's push to the
 * leadership group, which is step 1 (及时报告), recorded done. In the caller's
 * transaction, like everything it queues.
 */
export async function openIncident(
  sql: Sql,
  services: Services,
  a: { id: number; subject: string; situation: string; now: Date; openedBy?: Person; person?: { subject: Person; date: string; reporter?: Person } },
): Promise<string> {
  const at = a.now.toISOString();
  const { config } = services;
  await sql.run('INSERT INTO incident (id, subject, situation, status, opened_at, opened_by_id) VALUES (?, ?, ?, ?, ?, ?)', [
    a.id,
    a.subject.slice(0, 64),
    a.situation,
    'open',
    at,
    a.openedBy?.id ?? null,
  ]);
  const owners = await stepOwners(sql);
  for (const step of STEPS) {
    const due = step.name === '报告' ? a.now : new Date(a.now.getTime() + config.procedureDueMinutes[step.name] * 60_000);
    await sql.run(
      'INSERT INTO incident_step (incident_id, step, owner_group, due_at, done_at, note) VALUES (?, ?, ?, ?, ?, ?)',
      [a.id, step.name, owners.get(step.name)!, due.toISOString(), step.name === '报告' ? at : null, step.name === '报告' ? '已推送领导小组' : null],
    );
  }
  const incident = (await findIncident(sql, a.id))!;
  const steps = await incidentSteps(sql, incident, a.now, config.timezone);
  const groups = await groupMembers(sql);
  const told = new Map<number, { person: Person; body: string }>();
  for (const [group, members] of groups) {
    const theirs = steps.filter((s) => s.owner === group && !s.done);
    if (theirs.length === 0) continue;
    const body = incidentMessages.yourSteps({ ...incident, group, steps: theirs });
    // A person in two owner groups gets both messages joined into one.
    for (const person of members) told.set(person.id, { person, body: told.has(person.id) ? `${told.get(person.id)!.body}\n\n${body}` : body });
  }
  await services.notifier.toPeople(sql, [...told.values()], 'alert');
  const forLeaders = a.person ? await proposeContacts(sql, services, { id: a.id, ...a.person, now: a.now }) : null;
  const procedure = incidentMessages.procedure({ id: a.id, steps });
  return forLeaders ? `${procedure}\n\n${forLeaders}` : procedure;
}

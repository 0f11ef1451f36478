import { incidentActions } from './actions';
import type { SubjectKind } from '../../entities';
import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { marked } from '../drills/mark';
import { groupMembers } from '../groups/members';
import { proposeContacts, type ContactSource, type ProposedStaff } from './contacts';
import { incidentMessages } from './messages';
import { stepOwners } from './owners';
import { findIncident, incidentSteps } from './store';
import type { ProposedVisitor } from './visitor-contacts';
import { STEPS, type StepName } from './steps';

/** What an incident is opened on: a staff member's reading, a leader's 启动应急, or a drill's fictional case. */
export interface IncidentCase {
  /** The number of the alert it opens with. */
  id: number;
  kind: SubjectKind;
  /** Who or what it is about, as messages show it. */
  subject: string;
  situation: string;
  /** The staff member it is about (kind `staff`). */
  staffId?: number;
  now: Date;
  /** The leader who opened it by hand (启动应急, 演练). */
  openedBy?: Person;
  /** Where contacts are proposed from; none for a case with no one to trace from. */
  contacts?: ContactSource;
  /** Staff the case itself names as contacts (the guards on duty and the window visited of a door case, SPEC §12). */
  staff?: ProposedStaff[];
  /** The visitors the door proposes as contacts (SPEC §12), masked. */
  visitors?: ProposedVisitor[];
}

/**
 * Opens an incident numbered as its alert (SPEC §11): the seven steps with
 * their owner groups and due times, and each owner group's members told
 * their steps directly, and the 排查 owners the contacts the hall's data
 * suggests. Returns the checklist for the caller's push to the
 * leadership group (the caller marks a drill's 【演练】), which is step 1
 * (及时报告), recorded done. In the caller's transaction, like everything it
 * queues; the direct messages of a drill are marked 【演练】.
 */
export async function openIncident(sql: Sql, services: Services, a: IncidentCase): Promise<string> {
  const at = a.now.toISOString();
  const { config } = services;
  await sql.run('INSERT INTO incident (id, subject_kind, staff_id, subject, situation, status, opened_at, opened_by_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    a.id,
    a.kind,
    a.staffId ?? null,
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
  const told = new Map<number, { person: Person; body: string; steps: StepName[] }>();
  for (const [group, members] of groups) {
    const theirs = steps.filter((s) => s.owner === group && !s.done);
    if (theirs.length === 0) continue;
    const body = marked(incident, incidentMessages.yourSteps({ ...incident, group, steps: theirs }));
    // A person in two owner groups gets both messages joined into one.
    for (const person of members) {
      const before = told.get(person.id);
      told.set(person.id, { person, body: before ? `${before.body}\n\n${body}` : body, steps: [...(before?.steps ?? []), ...theirs.map((s) => s.step)] });
    }
  }
  await services.notifier.toPeople(sql, [...told.values()].map(({ person, body, steps: theirs }) => ({ person, body, actions: incidentActions.steps(theirs.map((step) => ({ id: a.id, step }))) })), 'alert');
  const forLeaders = await proposeContacts(sql, services, { incident, from: a.contacts, staff: a.staff, visitors: a.visitors, now: a.now });
  const procedure = incidentMessages.procedure({ id: a.id, steps });
  return forLeaders ? `${procedure}\n\n${forLeaders}` : procedure;
}

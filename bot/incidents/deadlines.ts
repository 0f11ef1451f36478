import { incidentActions } from './actions';
import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { marked } from '../drills/mark';
import { groupMembers } from '../groups/members';
import { incidentMessages, type OverdueStep } from './messages';
import { incidentSteps, type IncidentRow } from './store';

/** What one run of incident-deadlines did. */
export interface DeadlineRun {
  /** Overdue steps whose owners were reminded (each once, SPEC §11). */
  reminded: number;
  /** Steps that reached twice their due time, told to the leadership group (each once). */
  escalated: number;
  /** Direct messages queued: at most one per person (and kind: a drill's are its own, marked). */
  messages: number;
}

/**
 * Reminds and escalates the overdue steps of the open incidents (SPEC §11):
 * a step past its due time reminds its owner group once; at twice its due
 * time the leadership group is told once. Whatever the number of incidents
 * and steps, each person gets one message listing all their overdue steps,
 * and the leadership group one message listing every step escalated in this
 * run and the overdue steps of groups without members. A drill's steps go in
 * messages of their own, marked 【演练】, never mixed with a real case's.
 * Each step is marked in the run's transaction, so instances sharing a
 * database send it once; after that the daily brief and the dashboard carry it.
 */
export async function remindOverdueSteps(sql: Sql, services: Services, open: IncidentRow[], now: Date): Promise<DeadlineRun> {
  const groups = await groupMembers(sql);
  const run: DeadlineRun = { reminded: 0, escalated: 0, messages: 0 };
  for (const drill of [false, true]) {
    const escalated: OverdueStep[] = [];
    const ownerless: OverdueStep[] = [];
    const byPerson = new Map<number, { person: Person; items: OverdueStep[] }>();
    for (const incident of open.filter((i) => (i.kind === 'drill') === drill)) {
      const opened = Date.parse(incident.openedAt);
      for (const view of await incidentSteps(sql, incident, now, services.config.timezone)) {
        if (view.done || view.overdue === undefined) continue;
        const item = { id: incident.id, subject: incident.subject, view };
        const twice = opened + 2 * (Date.parse(view.dueAt) - opened);
        const escalate = now.getTime() >= twice && (await mark(sql, incident.id, view.step, 'escalated_at', now));
        if (escalate) escalated.push(item);
        if (!(await mark(sql, incident.id, view.step, 'reminded_at', now))) continue;
        const members = groups.get(view.owner) ?? [];
        // A step of a group without members is the leaders' own: listed once in their message, as escalated or as overdue.
        if (members.length === 0 && !escalate) ownerless.push(item);
        for (const person of members) byPerson.set(person.id, { person, items: [...(byPerson.get(person.id)?.items ?? []), item] });
        run.reminded += 1;
      }
    }
    const ofKind = (text: string) => marked({ kind: drill ? 'drill' : 'staff' }, text);
    run.messages += await services.notifier.toPeople(sql, [...byPerson.values()].map(({ person, items }) => ({ person, body: ofKind(incidentMessages.overdue(items)), actions: incidentActions.steps(items.map((i) => ({ id: i.id, step: i.view.step }))) })), 'alert');
    if (escalated.length || ownerless.length) await services.notifier.toLeaders(sql, ofKind(incidentMessages.overdueToLeaders({ escalated, ownerless })), 'alert');
    run.escalated += escalated.length;
  }
  return run;
}

/** Marks a step's reminder or escalation as sent; false when it already was (or the step is done). */
async function mark(sql: Sql, id: number, step: string, column: 'reminded_at' | 'escalated_at', now: Date): Promise<boolean> {
  const { changes } = await sql.run(`UPDATE incident_step SET ${column} = ? WHERE incident_id = ? AND step = ? AND ${column} IS NULL AND done_at IS NULL`, [now.toISOString(), id, step]);
  return changes > 0;
}

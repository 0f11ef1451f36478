import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import type { ProposedVisitor } from '../incidents/visitor-contacts';
import { currentRosters } from '../rosters/rosters';
import { maskPhone } from '../privacy/numbers';
import { visitorsBetween, visitorsOn, type VisitorRow } from './store';

/** Minutes either side of a visitor's registration within which other visitors are contacts (SPEC §12). */
export const NEAR_MINUTES = 60;

/** A proposed contact of a door case: a visitor (named with the masked phone in every message) or a staff member. */
export type DoorContact = { kind: 'visitor'; visitor: VisitorRow; reason: string } | { kind: 'staff'; person: Person; reason: string };

/**
 * The people of a window on a date: its roster when one was submitted and
 * the window is open (the lead always), else everyone of the window.
 */
async function windowStaff(sql: Sql, people: Person[], window: string, date: string): Promise<{ person: Person; reason: string }[]> {
  const [roster] = await currentRosters(sql, date, window);
  const rostered = roster && !roster.closed ? new Set(roster.staffIds) : undefined;
  return people
    .filter((p) => p.window === window && (p.role === 'lead' || !rostered || rostered.has(p.id)))
    .map((person) => ({ person, reason: person.role === 'lead' ? `${window}负责人` : rostered ? `${window}当日排班` : `${window}人员` }));
}

/**
 * The guards on duty on a date: those on their window's roster that day,
 * and those who registered a visitor or reported a reading that day.
 */
async function guardsOnDuty(sql: Sql, people: Person[], date: string): Promise<Person[]> {
  const guards = people.filter((p) => p.role === 'guard');
  if (guards.length === 0) return [];
  const rostered = new Set((await currentRosters(sql, date)).filter((r) => !r.closed).flatMap((r) => r.staffIds));
  const active = await sql.all<{ id: unknown }>(
    'SELECT guard_id AS id FROM visitor WHERE date = ? UNION SELECT staff_id AS id FROM report WHERE date = ? AND superseded_at IS NULL',
    [date, date],
  );
  const worked = new Set(active.map((r) => Number(r.id)));
  return guards.filter((g) => rostered.has(g.id) || worked.has(g.id));
}

/**
 * The contacts of a visitor's case (SPEC §12): the visitors registered within
 * 60 minutes before and after, the guards on duty that day, and the staff of
 * the window the visitor came for that day (its roster when there is one).
 */
export async function visitorCaseContacts(sql: Sql, services: Services, visitor: VisitorRow): Promise<DoorContact[]> {
  const at = Date.parse(visitor.registeredAt);
  const near = await visitorsBetween(sql, new Date(at - NEAR_MINUTES * 60_000), new Date(at + NEAR_MINUTES * 60_000));
  const people = await services.directory.active();
  const contacts: DoorContact[] = near.filter((v) => v.id !== visitor.id).map((v) => ({ kind: 'visitor', visitor: v, reason: `前后${NEAR_MINUTES}分钟内到访` }));
  for (const person of await guardsOnDuty(sql, people, visitor.date)) contacts.push({ kind: 'staff', person, reason: '当日门岗' });
  if (visitor.window) {
    const seen = new Set(contacts.flatMap((c) => (c.kind === 'staff' ? [c.person.id] : [])));
    for (const s of await windowStaff(sql, people, visitor.window, visitor.date)) if (!seen.has(s.person.id)) contacts.push({ kind: 'staff', ...s });
  }
  return contacts;
}

/**
 * For a staff member's case (SPEC §11 meets §12): the visitors who came for
 * that person's window on the date.
 */
export async function staffCaseVisitors(sql: Sql, subject: Person, date: string): Promise<DoorContact[]> {
  if (!subject.window) return [];
  return (await visitorsOn(sql, date, date, subject.window)).map((visitor) => ({ kind: 'visitor', visitor, reason: `当日到访${subject.window}` }));
}

/** The visitors among a door case's contacts, masked, for the incident to keep past the purge. */
export function proposedVisitors(contacts: DoorContact[]): ProposedVisitor[] {
  return contacts.flatMap((c) => (c.kind === 'visitor' ? [{ visitorId: c.visitor.id, name: c.visitor.name, phoneMasked: maskPhone(c.visitor.phone), reason: c.reason }] : []));
}

import { incidentActions } from './actions';
import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { marked } from '../drills/mark';
import { drillMessages } from '../drills/messages';
import { UserError } from '../errors';
import { groupMembers } from '../groups/members';
import { currentRosters } from '../rosters/rosters';
import { contactMessages } from './contact-messages';
import { contactsNamed } from './contact-names';
import { incidentNamed, openIncidentNamed } from './progress';
import type { ContactView } from './contact-types';
import type { IncidentRow } from './store';
import { decideVisitors, proposeVisitors, visitorContacts, type ProposedVisitor } from './visitor-contacts';

/** Where an incident's contacts are looked for: a window on a day, less the subject, plus whoever reported for them. */
export interface ContactSource {
  window: string;
  date: string;
  /** The subject, when a staff member: never their own contact. */
  excludeId?: number;
  reporter?: Person;
}

/** A staff member proposed as a contact, and why. */
export interface ProposedStaff {
  person: Person;
  reason: string;
}

/**
 * The contacts the hall's own data suggests (SPEC §11): the window's
 * colleagues on that day's roster (the whole window when it has none), its
 * lead, and whoever reported on the person's behalf.
 */
async function proposals(sql: Sql, services: Services, from: ContactSource): Promise<ProposedStaff[]> {
  const people = (await services.directory.active()).filter((p) => p.id !== from.excludeId);
  const found = new Map<number, ProposedStaff>();
  if (from.window) {
    const [roster] = await currentRosters(sql, from.date, from.window);
    const rostered = roster && !roster.closed ? new Set(roster.staffIds) : undefined;
    for (const p of people.filter((x) => x.window === from.window)) {
      if (p.role === 'lead') found.set(p.id, { person: p, reason: '窗口负责人' });
      else if (!rostered || rostered.has(p.id)) found.set(p.id, { person: p, reason: rostered ? '同窗口当日排班' : '同窗口' });
    }
  }
  const reporter = from.reporter;
  if (reporter && reporter.id !== from.excludeId && !found.has(reporter.id)) found.set(reporter.id, { person: reporter, reason: '代报人' });
  return [...found.values()];
}

/**
 * Proposes an incident's contacts — staff from the hall's data or named by
 * the case (a door case's guards on duty), and the visitors the door
 * suggests (SPEC §12), masked — and sends the list to the
 * 排查 owners (marked 【演练】 in a drill); a case with no one to trace from
 * (启动应急, a drill in the hall) asks them to add people by name. When that
 * group is empty, returns the list for the opening push to the leadership
 * group instead (one push, not two).
 */
export async function proposeContacts(
  sql: Sql,
  services: Services,
  a: { incident: IncidentRow; from?: ContactSource; staff?: ProposedStaff[]; visitors?: ProposedVisitor[]; now: Date },
): Promise<string | null> {
  const { incident } = a;
  const found = a.from ? await proposals(sql, services, a.from) : [];
  for (const named of a.staff ?? []) if (!found.some((c) => c.person.id === named.person.id)) found.push(named);
  const visitors = a.visitors ?? [];
  for (const c of found) {
    await sql.run('INSERT INTO incident_contact (incident_id, staff_id, reason, status, proposed_at) VALUES (?, ?, ?, ?, ?)', [incident.id, c.person.id, c.reason.slice(0, 32), 'proposed', a.now.toISOString()]);
  }
  await proposeVisitors(sql, incident.id, visitors, a.now);
  const [owner] = await sql.all<{ owner_group: string }>("SELECT owner_group FROM incident_step WHERE incident_id = ? AND step = '排查'", [incident.id]);
  const members = (await groupMembers(sql)).get(owner?.owner_group ?? '') ?? [];
  const body = a.from || found.length || visitors.length ? contactMessages.proposed(incident.id, incident.subject, found, visitors) : contactMessages.noneToTrace(incident.id, incident.subject);
  if (members.length === 0) return body;
  const actions = incidentActions.contacts(incident.id, found.map((c) => c.person.name), visitors);
  await services.notifier.toPeople(sql, members.map((person) => ({ person, body: marked(incident, body), actions })), 'alert');
  return null;
}

/** An incident's contacts, proposed first then by name. */
export async function incidentContacts(sql: Sql, services: Services, id: number): Promise<ContactView[]> {
  const rows = await sql.all<{ staff_id: unknown; reason: string; status: ContactView['status']; decided_at: string | null }>(
    'SELECT staff_id, reason, status, decided_at FROM incident_contact WHERE incident_id = ?',
    [id],
  );
  const views: ContactView[] = [];
  for (const r of rows) {
    const person = await services.directory.findById(Number(r.staff_id));
    if (person) views.push({ person, reason: r.reason, status: r.status, decidedAt: r.decided_at });
  }
  return views.sort((x, y) => x.person.name.localeCompare(y.person.name, 'zh-CN'));
}

/** Whether a person may decide contacts: a leader, or a member of the incident's 排查 owner group. */
async function mayTrace(sql: Sql, person: Person, id: number): Promise<boolean> {
  if (person.role === 'leader' || person.role === 'admin') return true;
  const rows = await sql.all(
    "SELECT 1 AS yes FROM incident_step i JOIN group_member g ON g.group_name = i.owner_group WHERE i.incident_id = ? AND i.step = '排查' AND g.staff_id = ?",
    [id, person.id],
  );
  return rows.length > 0;
}

/**
 * `密接 12 确认 张三 李四` / `密接 12 排除 王五` (SPEC §11): the 排查 owners or a
 * leader decide; a confirmed contact not proposed is added, and is asked for
 * a reading at once (in a drill, a drill reading, marked 【演练】). A name
 * may also be a visitor contact of the incident: the bot cannot reach a
 * visitor, so the reply asks the tracer to phone them and tell their
 * community. Excluding
 * still works after 结案: it ends a contact's observation (e.g. once the case
 * is ruled out).
 */
export async function decideContacts(sql: Sql, services: Services, a: { idText: string; verdict: 'confirmed' | 'excluded'; names: string[]; by: Person; now: Date }): Promise<string> {
  const incident = a.verdict === 'excluded' ? await incidentNamed(sql, a.idText) : await openIncidentNamed(sql, a.idText);
  if (!(await mayTrace(sql, a.by, incident.id))) throw new UserError(marked(incident, contactMessages.notTracer(incident.id)));
  const { people, visitors } = await contactsNamed(services, await visitorContacts(sql, incident.id), a.names);
  const at = a.now.toISOString();
  // Confirming again keeps the first confirmation: the observation period counts from it.
  for (const person of people) {
    await sql.run(
      `INSERT INTO incident_contact (incident_id, staff_id, reason, status, proposed_at, decided_by_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (incident_id, staff_id) DO UPDATE SET status = excluded.status,
         decided_by_id = CASE WHEN incident_contact.status = excluded.status THEN incident_contact.decided_by_id ELSE excluded.decided_by_id END,
         decided_at = CASE WHEN incident_contact.status = excluded.status THEN incident_contact.decided_at ELSE excluded.decided_at END`,
      [incident.id, person.id, '排查添加', a.verdict, at, a.by.id, at],
    );
  }
  await decideVisitors(sql, visitors.map((v) => v.id), { verdict: a.verdict, byId: a.by.id, now: a.now });
  if (a.verdict === 'confirmed' && people.length) {
    const body = incident.kind === 'drill' ? drillMessages.askReading(incident.id) : contactMessages.askReading(incident.id);
    await services.notifier.toPeople(sql, people.map((person) => ({ person, body })), 'nudge');
  }
  return marked(incident, contactMessages.decided(incident.id, a.verdict, people.map((p) => p.name), visitors));
}

import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { HealthCheckScope } from '../health/period';
import { addDays, localTime, zonedInstant } from '../time';
import type { ContactReading, ContactWithReadings, ObservationPeriod, ObservedContact } from './contact-types';
import { incidentContacts } from './contacts';

/** The observation period of a contact confirmed at an instant (SPEC §3.1's count: the day itself is day 1). */
export function observationPeriod(confirmedAt: string, days: number, timezone: string): ObservationPeriod {
  const from = localTime(new Date(confirmedAt), timezone).date;
  return { from, until: addDays(from, days - 1) };
}

/**
 * The confirmed contacts whose observation period covers `scope.today` — of
 * open and closed incidents alike: a contact's observation runs its full
 * period even when the procedure is closed — with their latest reading, by
 * incident then name. Two queries whatever the size of the hall; optionally
 * of one window.
 */
export async function observedContacts(sql: Sql, scope: HealthCheckScope, onlyWindow?: string): Promise<ObservedContact[]> {
  const earliest = zonedInstant(addDays(scope.today, -(scope.observationDays - 1)), 0, 0, scope.timezone).toISOString();
  const latest = zonedInstant(addDays(scope.today, 1), 0, 0, scope.timezone).toISOString();
  const params: unknown[] = [earliest, latest, true];
  if (onlyWindow !== undefined) params.push(onlyWindow);
  const rows = await sql.all<{ incidentId: unknown; staffId: unknown; confirmedAt: string; name: string; window: string }>(
    `SELECT c.incident_id AS "incidentId", c.staff_id AS "staffId", c.decided_at AS "confirmedAt", s.name, s.window_name AS "window"
       FROM incident_contact c JOIN incident i ON i.id = c.incident_id JOIN staff s ON s.id = c.staff_id
      WHERE c.status = 'confirmed' AND i.subject_kind <> 'drill' AND c.decided_at >= ? AND c.decided_at < ? AND s.active = ?${onlyWindow !== undefined ? ' AND s.window_name = ?' : ''}
      ORDER BY c.incident_id, c.staff_id`,
    params,
  );
  const contacts = rows
    .map((r) => ({ staffId: Number(r.staffId), incidentId: Number(r.incidentId), confirmedAt: r.confirmedAt, name: r.name, window: r.window }))
    .sort((x, y) => x.incidentId - y.incidentId || x.name.localeCompare(y.name, 'zh-CN'));
  const readings = await readingsSince(sql, contacts);
  return contacts.map((c, i) => ({ ...c, ...observationPeriod(c.confirmedAt, scope.observationDays, scope.timezone), latest: readings[i].at(-1) ?? null }));
}

/**
 * Every contact of an incident (confirmed, to check, excluded) with the
 * observation period and readings of the confirmed ones: the checklist's
 * list, and the dashboard panel's.
 */
export async function incidentContactReadings(sql: Sql, services: Services, incidentId: number): Promise<ContactWithReadings[]> {
  const contacts = await incidentContacts(sql, services, incidentId);
  const confirmed = contacts.flatMap((c) => (c.status === 'confirmed' && c.decidedAt ? [{ staffId: c.person.id, confirmedAt: c.decidedAt }] : []));
  const readings = await readingsSince(sql, confirmed);
  const { observationDays, timezone } = services.config;
  return contacts.map((c) => {
    const at = confirmed.findIndex((x) => x.staffId === c.person.id);
    return at < 0 ? { ...c, observation: null, readings: [] } : { ...c, observation: observationPeriod(confirmed[at].confirmedAt, observationDays, timezone), readings: readings[at] };
  });
}

/** For each contact, their current readings received at or after their confirmation, oldest first; one query. */
async function readingsSince(sql: Sql, contacts: { staffId: number; confirmedAt: string }[]): Promise<ContactReading[][]> {
  if (contacts.length === 0) return [];
  const ids = [...new Set(contacts.map((c) => c.staffId))];
  const since = contacts.map((c) => c.confirmedAt).sort()[0];
  const rows = await sql.all<ContactReading & { staffId: unknown; temperature: unknown }>(
    `SELECT staff_id AS "staffId", date, slot, temperature, status, received_at AS "receivedAt"
       FROM report WHERE superseded_at IS NULL AND received_at >= ? AND staff_id IN (${ids.map(() => '?').join(', ')})
      ORDER BY received_at, id`,
    [since, ...ids],
  );
  const all = rows.map((r) => ({ staffId: Number(r.staffId), reading: { date: r.date, slot: r.slot, temperature: Number(r.temperature), status: r.status, receivedAt: r.receivedAt } }));
  return contacts.map((c) => all.filter((r) => r.staffId === c.staffId && r.reading.receivedAt >= c.confirmedAt).map((r) => r.reading));
}

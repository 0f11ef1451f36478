import type { HealthCode, Severity, Slot } from '../../../entities';
import type { Sql } from '../../db/database';
import { localTime } from '../../time';
import type { StepView } from '../messages';
import { findIncident, incidentSteps, type IncidentRow } from '../store';
import { massTestingOf, type MassTestingResult } from './mass-testing';
import { visitorContacts, type VisitorContactView } from '../visitor-contacts';
import { drillReadings, readingsFromDay, type Reading } from './readings';
import { visitorCaseOf, type VisitorCaseFacts } from './visitor-case';

/** The reading that raised the incident's alert, and whose it was. */
export interface CaseFacts {
  name: string;
  window: string;
  date: string;
  slot: Slot;
  temperature: number;
  healthCode: HealthCode | null;
  symptoms: string | null;
  receivedAt: string;
  /** Who reported on the person's behalf (代报), when someone did. */
  reportedBy: string | null;
}

/** The alert of the incident's number: what was found and how it was acknowledged (`处置`). */
export interface AlertFacts {
  severity: Exclude<Severity, 'normal'>;
  reasons: string;
  instruction: string;
  /** `byClosing`: settled by 结案 itself (SPEC §11 "one state"), not by a 处置 before it. */
  acknowledged: { by: string; at: string; note: string; byClosing: boolean } | null;
}

export interface ContactFacts {
  staffId: number;
  name: string;
  window: string;
  /** Why proposed: 同窗口当日排班, 窗口负责人, 代报人, 排查添加. */
  reason: string;
  status: 'proposed' | 'confirmed' | 'excluded';
  decided: { by: string; at: string } | null;
  /** Current readings from the incident's day on, oldest first; in a drill, the drill readings. */
  readings: Reading[];
}

/** Everything the report upward (如实上报, SPEC §11) states about one incident; a drill's report is marked 【演练】 throughout. */
export interface IncidentFacts extends IncidentRow {
  /** The leader who opened it by hand (启动应急, 演练 开始); null when a reading did. */
  openedBy: string | null;
  case: CaseFacts | null;
  /** The visitor at the door a visitor case is about (SPEC §12); null for any other case. */
  visitor: VisitorCaseFacts | null;
  alert: AlertFacts | null;
  steps: StepView[];
  contacts: ContactFacts[];
  /** Visitors at the door proposed or confirmed as contacts (SPEC §12): name and masked phone only. */
  visitors: VisitorContactView[];
  massTesting: MassTestingResult | null;
  closing: { at: string; by: string; summary: string } | null;
  /** When the facts were read, ISO 8601. */
  asOf: string;
}

interface HeadRow {
  opened_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  summary: string | null;
  severity: AlertFacts['severity'] | null;
  reasons: string | null;
  instruction: string | null;
  ack_at: string | null;
  ack_by: string | null;
  ack_note: string | null;
  person: string | null;
  window_name: string | null;
  date: string | null;
  slot: Slot | null;
  temperature: unknown;
  health_code: HealthCode | null;
  symptoms: string | null;
  received_at: string | null;
  staff_id: unknown;
  reporter_id: unknown;
  reporter: string | null;
}

const STATUS_ORDER = { confirmed: 0, proposed: 1, excluded: 2 } as const;

/**
 * Reads what the report upward says about incident `id`, or undefined when
 * there is none. An incident opened by hand may have no alert or no person:
 * those parts are null.
 */
export async function incidentFacts(sql: Sql, id: number, now: Date, timezone: string): Promise<IncidentFacts | undefined> {
  const incident = await findIncident(sql, id);
  if (!incident) return undefined;
  const [head] = await sql.all<HeadRow>(
    `SELECT o.name AS opened_by, i.closed_at, c.name AS closed_by, i.summary,
            a.severity, a.reasons, a.instruction, a.acknowledged_at AS ack_at, k.name AS ack_by, a.ack_note,
            s.name AS person, s.window_name, r.date, r.slot, r.temperature, r.health_code, r.symptoms, r.received_at,
            r.staff_id, r.reported_by_id AS reporter_id, b.name AS reporter
       FROM incident i
       LEFT JOIN staff o ON o.id = i.opened_by_id
       LEFT JOIN staff c ON c.id = i.closed_by_id
       LEFT JOIN alert a ON a.id = i.id
       LEFT JOIN staff k ON k.id = a.acknowledged_by_id
       LEFT JOIN report r ON r.id = a.report_id
       LEFT JOIN staff s ON s.id = r.staff_id
       LEFT JOIN staff b ON b.id = r.reported_by_id
      WHERE i.id = ?`,
    [id],
  );
  const contacts = await contactsOf(sql, incident, localTime(new Date(incident.openedAt), timezone).date);
  return {
    ...incident,
    openedBy: head.opened_by,
    case: caseOf(head),
    visitor: incident.kind === 'visitor' ? await visitorCaseOf(sql, id) : null,
    // A drill's alert only holds its number: born handled, never pushed.
    alert: head.severity && incident.kind !== 'drill'
      ? {
          severity: head.severity,
          reasons: head.reasons ?? '',
          instruction: head.instruction ?? '',
          acknowledged: head.ack_at ? { by: head.ack_by ?? '', at: head.ack_at, note: head.ack_note ?? '', byClosing: head.ack_at === head.closed_at } : null,
        }
      : null,
    steps: await incidentSteps(sql, incident, now, timezone),
    contacts,
    visitors: await visitorContacts(sql, id),
    massTesting: await massTestingOf(sql, id),
    closing: head.closed_at ? { at: head.closed_at, by: head.closed_by ?? '', summary: head.summary ?? '' } : null,
    asOf: now.toISOString(),
  };
}

function caseOf(h: HeadRow): CaseFacts | null {
  if (!h.person || !h.date || !h.slot || !h.received_at) return null;
  return {
    name: h.person,
    window: h.window_name ?? '',
    date: h.date,
    slot: h.slot,
    temperature: Number(h.temperature),
    healthCode: h.health_code,
    symptoms: h.symptoms,
    receivedAt: h.received_at,
    reportedBy: h.reporter && Number(h.reporter_id) !== Number(h.staff_id) ? h.reporter : null,
  };
}

/**
 * The incident's contacts, confirmed first, then to check, then excluded, by
 * name; each with their readings since `fromDate`, or in a drill the drill's.
 */
async function contactsOf(sql: Sql, incident: IncidentRow, fromDate: string): Promise<ContactFacts[]> {
  const { id } = incident;
  const rows = await sql.all<{ staff_id: unknown; name: string; window_name: string; reason: string; status: ContactFacts['status']; decided_at: string | null; decided_by: string | null }>(
    `SELECT c.staff_id, s.name, s.window_name, c.reason, c.status, c.decided_at, d.name AS decided_by
       FROM incident_contact c JOIN staff s ON s.id = c.staff_id LEFT JOIN staff d ON d.id = c.decided_by_id
      WHERE c.incident_id = ?`,
    [id],
  );
  const ids = rows.map((r) => Number(r.staff_id));
  const readings = incident.kind === 'drill' ? await drillReadings(sql, id, ids) : await readingsFromDay(sql, ids, fromDate);
  return rows
    .map((r) => ({
      staffId: Number(r.staff_id),
      name: r.name,
      window: r.window_name,
      reason: r.reason,
      status: r.status,
      decided: r.decided_at ? { by: r.decided_by ?? '', at: r.decided_at } : null,
      readings: readings.get(Number(r.staff_id)) ?? [],
    }))
    .sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || x.name.localeCompare(y.name, 'zh-CN'));
}

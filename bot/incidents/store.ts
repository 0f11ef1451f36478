import type { SubjectKind } from '../../entities';
import type { Sql } from '../db/database';
import { localIso } from '../time';
import type { StepView } from './messages';
import { STEPS, type StepName } from './steps';

/** An incident as the commands see it. */
export interface IncidentRow {
  id: number;
  /** A staff member's reading, a leader's 启动应急, or a drill. */
  kind: SubjectKind;
  subject: string;
  situation: string;
  status: 'open' | 'closed';
  openedAt: string;
  /** When 结案 (or 演练 结束) closed it; null while open. */
  closedAt: string | null;
}

interface StepRow {
  step: StepName;
  owner_group: string;
  due_at: string;
  done_at: string | null;
  note: string | null;
  by_name: string | null;
  reminded_at: string | null;
  escalated_at: string | null;
}

interface Row {
  id: unknown;
  kind: SubjectKind;
  subject: string;
  situation: string;
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
}

const COLUMNS = 'id, subject_kind AS kind, subject, situation, status, opened_at, closed_at';
const incidentOf = (row: Row): IncidentRow => ({ id: Number(row.id), kind: row.kind, subject: row.subject, situation: row.situation, status: row.status, openedAt: row.opened_at, closedAt: row.closed_at });

export async function findIncident(sql: Sql, id: number): Promise<IncidentRow | undefined> {
  const [row] = await sql.all<Row>(`SELECT ${COLUMNS} FROM incident WHERE id = ?`, [id]);
  return row ? incidentOf(row) : undefined;
}

/** The incidents still open, oldest first; `kind` narrows to one kind (the open drill). */
export async function openIncidents(sql: Pick<Sql, 'all'>, kind?: SubjectKind): Promise<IncidentRow[]> {
  const rows = await sql.all<Row>(`SELECT ${COLUMNS} FROM incident WHERE status = 'open'${kind ? ' AND subject_kind = ?' : ''} ORDER BY id`, kind ? [kind] : []);
  return rows.map(incidentOf);
}

/**
 * The open incidents the hall's figures count — never a drill — oldest first:
 * what 今日统计, the daily brief and the dashboard all list (SPEC §11).
 */
export async function openCases(sql: Pick<Sql, 'all'>): Promise<IncidentRow[]> {
  return (await openIncidents(sql)).filter((i) => i.kind !== 'drill');
}

/** An incident closed lately (never a drill). */
export interface ClosedCase {
  id: number;
  subject: string;
  closedAt: string;
  closedBy: string;
}

/** The incidents closed since an instant, latest first, at most `limit`. */
export async function closedCasesSince(sql: Sql, since: Date, limit = 50): Promise<ClosedCase[]> {
  const rows = await sql.all<{ id: unknown; subject: string; closed_at: string; closed_by: string | null }>(
    `SELECT i.id, i.subject, i.closed_at, s.name AS closed_by FROM incident i LEFT JOIN staff s ON s.id = i.closed_by_id
      WHERE i.status = 'closed' AND i.subject_kind <> 'drill' AND i.closed_at >= ? ORDER BY i.closed_at DESC LIMIT ${Math.floor(limit)}`,
    [since.toISOString()],
  );
  return rows.map((r) => ({ id: Number(r.id), subject: r.subject, closedAt: r.closed_at, closedBy: r.closed_by ?? '' }));
}

/** How an instant reads on a checklist: 09:20 today, 12-02 09:20 on another day. */
export function when(at: Date, now: Date, timezone: string): string {
  const a = localIso(at, timezone);
  return a.slice(0, 10) === localIso(now, timezone).slice(0, 10) ? a.slice(11, 16) : `${a.slice(5, 10)} ${a.slice(11, 16)}`;
}

/**
 * Every step of an incident, in the plan's order, with whether its owner
 * group has members; a step not done is overdue by now, or by the closing
 * when the incident is closed (how late it was left, not how long ago).
 */
export async function incidentSteps(sql: Sql, incident: IncidentRow, now: Date, timezone: string): Promise<StepView[]> {
  const rows = await sql.all<StepRow>(
    `SELECT i.step, i.owner_group, i.due_at, i.done_at, i.note, s.name AS by_name, i.reminded_at, i.escalated_at,
            (SELECT count(*) FROM group_member g JOIN staff m ON m.id = g.staff_id WHERE g.group_name = i.owner_group AND m.active = ?) AS members
       FROM incident_step i LEFT JOIN staff s ON s.id = i.done_by_id WHERE i.incident_id = ?`,
    [true, incident.id],
  );
  const opened = Date.parse(incident.openedAt);
  const until = incident.closedAt ? new Date(incident.closedAt) : now;
  return STEPS.flatMap((step) => {
    const r = rows.find((x) => x.step === step.name) as (StepRow & { members: unknown }) | undefined;
    if (!r) return [];
    const due = new Date(r.due_at);
    const view: StepView = { step: step.name, owner: r.owner_group, ownerless: Number(r.members) === 0, due: when(due, now, timezone), dueAt: r.due_at };
    if (r.done_at) {
      const at = new Date(r.done_at);
      view.done = { at: when(at, now, timezone), iso: r.done_at, by: r.by_name ?? '系统', note: r.note ?? '', minutes: Math.max(0, Math.round((at.getTime() - opened) / 60_000)) };
    } else if (until >= due) {
      view.overdue = Math.round((until.getTime() - due.getTime()) / 60_000);
      if (r.escalated_at) view.escalatedAt = r.escalated_at;
    }
    return [view];
  });
}

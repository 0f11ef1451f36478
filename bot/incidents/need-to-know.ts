import type { Platform } from '../../entities';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { PLATFORM_LABEL } from '../labels';
import { audit } from '../privacy/audit';
import { stepLabel, stepOwner, type StepView } from './messages';
import type { IncidentRow } from './store';

/**
 * Whether a person may read a case in full — who it is, the readings and
 * symptoms, the contacts' names (SPEC §11): leaders, administrators, and
 * members of a group that owns one of the incident's steps.
 */
export async function mayReadCase(sql: Sql, incidentId: number, person: Person): Promise<boolean> {
  if (person.role === 'leader' || person.role === 'admin') return true;
  const [row] = await sql.all(
    'SELECT 1 AS yes FROM incident_step s JOIN group_member g ON g.group_name = s.owner_group WHERE s.incident_id = ? AND g.staff_id = ? LIMIT 1',
    [incidentId, person.id],
  );
  return row !== undefined;
}

/** Audits a chat view of a case in full (SPEC §12), in the message's transaction: who, when, which incident, by chat. */
export async function auditCaseView(sql: Sql, a: { viewer: Person; incidentId: number; platform: Platform; now: Date }): Promise<void> {
  await audit(sql, {
    actor: `${a.viewer.name}（#${a.viewer.id}）`,
    action: 'view-case',
    detail: `聊天查看应急 #${a.incidentId} 病例与密接（${PLATFORM_LABEL[a.platform]}）`,
    now: a.now,
  });
}

/** One step's status with no person in it: done and when, or due and by which group. */
function statusLine(v: StepView): string {
  if (v.done) return `✅ ${stepLabel(v.step)} — ${v.done.at} 完成`;
  return `⬜ ${stepLabel(v.step)} — ${stepOwner(v)} — ${v.due} 前${v.overdue ? `（已超时 ${v.overdue} 分钟）` : ''}`;
}

/** `应急 N` for someone without the need to know: the steps' progress, and who may see the rest. */
export function stepsOnly(incident: IncidentRow, steps: StepView[]): string {
  return [
    `【应急处置 #${incident.id}】（${incident.status === 'open' ? '处置中' : '已结案'}）`,
    ...steps.map(statusLine),
    '病例信息、体温、症状和密接名单仅领导小组、本事件处置工作组成员和管理员可见。',
  ].join('\n');
}

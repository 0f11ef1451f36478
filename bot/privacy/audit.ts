import type { AuditAction } from '../../entities';
import type { Sql } from '../db/database';

/** One line of the audit log. */
export interface AuditLine {
  at: string;
  actor: string;
  action: AuditAction;
  detail: string;
}

/** How the log names an action. */
export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  'export-visitors': '导出访客登记',
  'export-reports': '导出体温报表',
  'view-contacts': '查看应急密接名单',
  'view-case': '查看应急病例与密接',
  'export-incident-report': '导出应急处置报告',
};

/** Writes one access to personal data to the audit log (SPEC §12), in the caller's transaction. */
export async function audit(sql: Sql, entry: { actor: string; action: AuditAction; detail: string; now: Date }): Promise<void> {
  await sql.run('INSERT INTO audit_entry (at, actor, action, detail) VALUES (?, ?, ?, ?)', [entry.now.toISOString(), entry.actor.slice(0, 96), entry.action, entry.detail]);
}

/** The audit log from an instant on (everything when absent), oldest first. */
export async function auditLog(sql: Pick<Sql, 'all'>, from?: Date): Promise<AuditLine[]> {
  return sql.all<AuditLine>(`SELECT at, actor, action, detail FROM audit_entry${from ? ' WHERE at >= ?' : ''} ORDER BY at, id`, from ? [from.toISOString()] : []);
}

import type { Sql } from '../db/database';

/**
 * The alert that numbers an incident opened without a reading (SPEC §11):
 * about no staff member, its subject as text. A `manual` one (启动应急) is an
 * open critical alert like any — listed, re-pushed, handled by `处置`; a
 * `drill` one only holds the number, born handled and never listed.
 */
export async function openCaseAlert(sql: Sql, a: { kind: 'manual' | 'drill'; subject: string; reasons: string; now: Date }): Promise<number> {
  const at = a.now.toISOString();
  const drill = a.kind === 'drill';
  const [row] = await sql.all<{ id: unknown }>(
    `INSERT INTO alert (report_id, staff_id, subject_kind, subject, severity, reasons, instruction, status, opened_at, push_count, last_pushed_at, acknowledged_at, ack_note)
     VALUES (NULL, NULL, ?, ?, 'critical', ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id`,
    [a.kind, a.subject.slice(0, 64), a.reasons, '启动应急处置流程', drill ? 'acknowledged' : 'open', at, at, drill ? at : null, drill ? '应急演练' : null],
  );
  return Number(row.id);
}

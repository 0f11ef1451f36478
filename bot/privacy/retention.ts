import type { Sql } from '../db/database';

/** What a purged text becomes where its row must stay (an alert's number, an incident's record). */
export const REDACTED = '（已按保留期限删除）';

/**
 * What a copy carries, and so which retention applies (SPEC §12): a visitor
 * (VISITOR_RETENTION_DAYS), a staff reading (REPORT_RETENTION_DAYS, when set),
 * or anything a person wrote or was sent — a message may carry either, so
 * the message log and the outbox keep the shorter of the two.
 */
export type Holds = 'visitor' | 'reading' | 'message';

/** The first day still kept: its local date, and its first instant (ISO 8601 UTC) for the tables that keep times. */
export interface Cutoff {
  date: string;
  at: string;
}

/** One table that can hold a copy of personal data, and how it is purged. */
export interface RetentionRule {
  table: string;
  /** How the job's result names it. */
  label: string;
  holds: Holds;
  how: 'delete' | 'redact';
  /** Purges one batch of at most `limit` rows past their time, in the caller's transaction; resolves with how many. */
  batch(sql: Sql, cutoff: Cutoff, limit: number): Promise<number>;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Picks up to `limit` ids with `select` (its last parameter the limit) and hands them to `act`; resolves with how many. */
async function batchOf(sql: Sql, select: string, params: unknown[], limit: number, act: (ids: number[], m: string) => Promise<unknown>): Promise<number> {
  const rows = await sql.all<{ id: unknown }>(`${select} ORDER BY id LIMIT ?`, [...params, limit]);
  const ids = rows.map((r) => Number(r.id));
  if (ids.length) await act(ids, marks(ids.length));
  return ids.length;
}

/** `x = CASE WHEN x IS NULL THEN NULL ELSE ? END`: a text redacted only where there is one. */
const redactNullable = (column: string) => `${column} = CASE WHEN ${column} IS NULL THEN NULL ELSE ? END`;

/**
 * Every table that can hold a copy of personal data, in the order the purge
 * walks it (links are cut before the rows they point at go). The audit log is
 * not here: it is kept. A visitor who became a confirmed contact keeps, in
 * the incident record, only their name and masked phone (`incident_visitor`).
 */
export const RETENTION: RetentionRule[] = [
  {
    table: 'alert',
    label: '访客告警（隐去）',
    holds: 'visitor',
    how: 'redact',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, "SELECT id FROM alert WHERE subject_kind = 'visitor' AND opened_at < ? AND (subject IS NULL OR subject <> ?)", [cutoff.at, REDACTED], limit, (ids, m) =>
        sql.run(`UPDATE alert SET subject = ?, reasons = ?, ${redactNullable('ack_note')}, visitor_id = NULL WHERE id IN (${m})`, [REDACTED, REDACTED, REDACTED, ...ids]),
      ),
  },
  {
    table: 'incident',
    label: '访客应急记录（隐去）',
    holds: 'visitor',
    how: 'redact',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, "SELECT id FROM incident WHERE subject_kind = 'visitor' AND opened_at < ? AND subject <> ?", [cutoff.at, REDACTED], limit, async (ids, m) => {
        await sql.run(`UPDATE incident SET subject = ?, situation = ?, ${redactNullable('summary')} WHERE id IN (${m})`, [REDACTED, REDACTED, REDACTED, ...ids]);
        await sql.run(`UPDATE incident_step SET note = ? WHERE incident_id IN (${m}) AND note IS NOT NULL`, [REDACTED, ...ids]);
      }),
  },
  {
    table: 'incident_visitor',
    label: '未确认的访客密接',
    holds: 'visitor',
    how: 'delete',
    batch: (sql, cutoff, limit) =>
      batchOf(
        sql,
        "SELECT id FROM incident_visitor WHERE status <> 'confirmed' AND (visitor_id IN (SELECT id FROM visitor WHERE date < ?) OR (visitor_id IS NULL AND proposed_at < ?))",
        [cutoff.date, cutoff.at],
        limit,
        (ids, m) => sql.run(`DELETE FROM incident_visitor WHERE id IN (${m})`, ids),
      ),
  },
  {
    table: 'visitor',
    label: '访客登记',
    holds: 'visitor',
    how: 'delete',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, 'SELECT id FROM visitor WHERE date < ?', [cutoff.date], limit, async (ids, m) => {
        // A confirmed contact stays in the incident record by name and masked phone, without the link.
        await sql.run(`UPDATE incident_visitor SET visitor_id = NULL WHERE visitor_id IN (${m})`, ids);
        await sql.run(`UPDATE alert SET visitor_id = NULL WHERE visitor_id IN (${m})`, ids);
        await sql.run(`DELETE FROM visitor WHERE id IN (${m})`, ids);
      }),
  },
  {
    table: 'alert',
    label: '体温告警（隐去读数）',
    holds: 'reading',
    how: 'redact',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, "SELECT id FROM alert WHERE subject_kind = 'staff' AND opened_at < ? AND reasons <> ?", [cutoff.at, REDACTED], limit, (ids, m) =>
        sql.run(`UPDATE alert SET reasons = ?, report_id = NULL WHERE id IN (${m})`, [REDACTED, ...ids]),
      ),
  },
  {
    table: 'incident',
    label: '人员应急记录（隐去读数）',
    holds: 'reading',
    how: 'redact',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, "SELECT id FROM incident WHERE subject_kind = 'staff' AND opened_at < ? AND situation <> ?", [cutoff.at, REDACTED], limit, (ids, m) =>
        sql.run(`UPDATE incident SET situation = ? WHERE id IN (${m})`, [REDACTED, ...ids]),
      ),
  },
  {
    table: 'report',
    label: '体温记录',
    holds: 'reading',
    how: 'delete',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, 'SELECT id FROM report WHERE date < ?', [cutoff.date], limit, async (ids, m) => {
        // Alerts and 全员测温 answers keep what they said and lose only the link to the reading.
        await sql.run(`UPDATE alert SET report_id = NULL WHERE report_id IN (${m})`, ids);
        await sql.run(`UPDATE sweep_person SET report_id = NULL WHERE report_id IN (${m})`, ids);
        await sql.run(`UPDATE report SET superseded_by_id = NULL WHERE superseded_by_id IN (${m})`, ids);
        await sql.run(`DELETE FROM report WHERE id IN (${m})`, ids);
      }),
  },
  {
    table: 'drill_reading',
    label: '演练体温',
    holds: 'reading',
    how: 'delete',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, 'SELECT id FROM drill_reading WHERE received_at < ?', [cutoff.at], limit, (ids, m) => sql.run(`DELETE FROM drill_reading WHERE id IN (${m})`, ids)),
  },
  {
    table: 'inbound_message',
    label: '收到的消息及回复',
    holds: 'message',
    how: 'delete',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, 'SELECT id FROM inbound_message WHERE received_at < ?', [cutoff.at], limit, (ids, m) => sql.run(`DELETE FROM inbound_message WHERE id IN (${m})`, ids)),
  },
  {
    table: 'outbox',
    label: '发出的消息',
    holds: 'message',
    how: 'delete',
    // Delivered rows go; a failed one stays for the operator with its error, its body redacted; one still
    // waiting that long is given up. A row being sent is left to its sender and purged the next day.
    batch: (sql, cutoff, limit) =>
      batchOf(sql, "SELECT id FROM outbox WHERE created_at < ? AND status <> 'sending' AND (status IN ('sent', 'merged') OR body <> ?)", [cutoff.at, REDACTED], limit, async (ids, m) => {
        await sql.run(`DELETE FROM outbox WHERE id IN (${m}) AND status IN ('sent', 'merged')`, ids);
        await sql.run(
          `UPDATE outbox SET body = ?, status = 'failed', last_error = CASE WHEN status = 'pending' THEN ? ELSE last_error END WHERE id IN (${m}) AND status IN ('pending', 'failed')`,
          [REDACTED, '超过保留期限，未发送', ...ids],
        );
      }),
  },
];

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

/** What a rule says besides how: its table, its name in the job's result, what it holds, and which rows are past their time. */
interface Declared {
  table: string;
  label: string;
  holds: Holds;
  /** The condition on rows past their time (and not yet purged), and its parameters. */
  where: string;
  params: (cutoff: Cutoff) => unknown[];
}

/** Rows deleted; first, the links other tables keep to them are cut (`table.column`), so nothing points at a row that is gone. */
function deleting(d: Declared, links: string[] = []): RetentionRule {
  return {
    ...d,
    how: 'delete',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, `SELECT id FROM ${d.table} WHERE ${d.where}`, d.params(cutoff), limit, async (ids, m) => {
        for (const link of links) {
          const [table, column] = link.split('.');
          await sql.run(`UPDATE ${table} SET ${column} = NULL WHERE ${column} IN (${m})`, ids);
        }
        await sql.run(`DELETE FROM ${d.table} WHERE id IN (${m})`, ids);
      }),
  };
}

/** Rows that must stay (a numbered alert, an incident's record) keep their place; `set` redacts their texts, then `also` runs on their ids. */
function redacting(d: Declared, set: { sql: string; params: unknown[] }, also?: (sql: Sql, ids: number[], m: string) => Promise<unknown>): RetentionRule {
  return {
    ...d,
    how: 'redact',
    batch: (sql, cutoff, limit) =>
      batchOf(sql, `SELECT id FROM ${d.table} WHERE ${d.where}`, d.params(cutoff), limit, async (ids, m) => {
        await sql.run(`UPDATE ${d.table} SET ${set.sql} WHERE id IN (${m})`, [...set.params, ...ids]);
        await also?.(sql, ids, m);
      }),
  };
}

const before = (column: 'at' | 'date') => (cutoff: Cutoff) => [cutoff[column], REDACTED];

/**
 * Every table that can hold a copy of personal data, in the order the purge
 * walks it (links are cut before the rows they point at go). The audit log is
 * not here: it is kept. A visitor who became a confirmed contact keeps, in
 * the incident record, only their name and masked phone (`incident_visitor`).
 */
export const RETENTION: RetentionRule[] = [
  redacting(
    { table: 'alert', label: '访客告警（隐去）', holds: 'visitor', where: "subject_kind = 'visitor' AND opened_at < ? AND subject <> ?", params: before('at') },
    { sql: `subject = ?, reasons = ?, ${redactNullable('ack_note')}, visitor_id = NULL`, params: [REDACTED, REDACTED, REDACTED] },
  ),
  redacting(
    { table: 'incident', label: '访客应急记录（隐去）', holds: 'visitor', where: "subject_kind = 'visitor' AND opened_at < ? AND subject <> ?", params: before('at') },
    { sql: `subject = ?, situation = ?, ${redactNullable('summary')}`, params: [REDACTED, REDACTED, REDACTED] },
    (sql, ids, m) => sql.run(`UPDATE incident_step SET note = ? WHERE incident_id IN (${m}) AND note IS NOT NULL`, [REDACTED, ...ids]),
  ),
  deleting({
    table: 'incident_visitor',
    label: '未确认的访客密接',
    holds: 'visitor',
    where: "status <> 'confirmed' AND (visitor_id IN (SELECT id FROM visitor WHERE date < ?) OR (visitor_id IS NULL AND proposed_at < ?))",
    params: (cutoff) => [cutoff.date, cutoff.at],
  }),
  // A confirmed contact stays in the incident record by name and masked phone, without the link.
  deleting({ table: 'visitor', label: '访客登记', holds: 'visitor', where: 'date < ?', params: (cutoff) => [cutoff.date] }, ['incident_visitor.visitor_id', 'alert.visitor_id']),
  redacting(
    { table: 'alert', label: '体温告警（隐去读数）', holds: 'reading', where: "subject_kind = 'staff' AND opened_at < ? AND reasons <> ?", params: before('at') },
    { sql: 'reasons = ?, report_id = NULL', params: [REDACTED] },
  ),
  redacting(
    { table: 'incident', label: '人员应急记录（隐去读数）', holds: 'reading', where: "subject_kind = 'staff' AND opened_at < ? AND situation <> ?", params: before('at') },
    { sql: 'situation = ?', params: [REDACTED] },
  ),
  // Alerts and 全员测温 answers keep what they said and lose only the link to the reading.
  deleting({ table: 'report', label: '体温记录', holds: 'reading', where: 'date < ?', params: (cutoff) => [cutoff.date] }, ['alert.report_id', 'sweep_person.report_id', 'report.superseded_by_id']),
  deleting({ table: 'drill_reading', label: '演练体温', holds: 'reading', where: 'received_at < ?', params: (cutoff) => [cutoff.at] }),
  deleting({ table: 'inbound_message', label: '收到的消息及回复', holds: 'message', where: 'received_at < ?', params: (cutoff) => [cutoff.at] }),
  {
    // The simulator's copy of what it delivered (SPEC §2 /local/feed): numbered by seq, not id.
    table: 'local_delivery',
    label: '模拟器收到的消息',
    holds: 'message',
    how: 'delete',
    batch: async (sql, cutoff, limit) => {
      const rows = await sql.all<{ seq: unknown }>('SELECT seq FROM local_delivery WHERE delivered_at < ? ORDER BY seq LIMIT ?', [cutoff.at, limit]);
      const seqs = rows.map((r) => Number(r.seq));
      if (seqs.length) await sql.run(`DELETE FROM local_delivery WHERE seq IN (${marks(seqs.length)})`, seqs);
      return seqs.length;
    },
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

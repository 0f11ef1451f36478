import type { Sql } from '../db/database';
import type { DemoText } from './timeline';

/**
 * The numbers the demonstration's people read off their chat — an alert's, an
 * incident's (the same number), a drill's — looked up when the moment comes.
 */

/** The number of the alert (and emergency) a person's reading opened on a date; only while open with `open`. */
export async function alertOf(sql: Sql, name: string, date: string, open = false): Promise<number | null> {
  const [alert] = await sql.all<{ id: unknown }>(
    `SELECT a.id FROM alert a JOIN staff s ON s.id = a.staff_id JOIN report r ON r.id = a.report_id
      WHERE s.name = ? AND r.date = ?${open ? " AND a.status = 'open'" : ''} ORDER BY a.id DESC`,
    [name, date],
  );
  return alert ? Number(alert.id) : null;
}

/** The open drill's number. */
export async function openDrillNumber(sql: Sql): Promise<number | null> {
  const [drill] = await sql.all<{ id: unknown }>("SELECT id FROM incident WHERE subject_kind = 'drill' AND status = 'open'");
  return drill ? Number(drill.id) : null;
}

/** The staff an incident still has as proposed contacts, by name. */
export async function proposedContacts(sql: Sql, id: number): Promise<string[]> {
  const rows = await sql.all<{ name: string }>("SELECT s.name FROM incident_contact c JOIN staff s ON s.id = c.staff_id WHERE c.incident_id = ? AND c.status = 'proposed' ORDER BY s.name", [id]);
  return rows.map((r) => r.name);
}

/** Whether a 全员测温 waits for this person's answer. */
export async function asked(sql: Sql, name: string): Promise<boolean> {
  const rows = await sql.all(
    "SELECT 1 AS yes FROM sweep_person p JOIN sweep s ON s.id = p.sweep_id JOIN staff t ON t.id = p.staff_id WHERE t.name = ? AND p.answered_at IS NULL AND s.running = 'live'",
    [name],
  );
  return rows.length > 0;
}

/** A text about a numbered case, sent only while the number can be found: `{n}` stands for it. */
export const aboutCase = (find: (sql: Sql) => Promise<number | null>, text: string): DemoText => async (sql) => {
  const id = await find(sql);
  return id === null ? null : text.replaceAll('{n}', String(id));
};

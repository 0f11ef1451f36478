import type { Sql } from '../../db/database';
import { visitorById, type VisitorRow } from '../../door/store';

/** What the report states of the door's record: never the phone, which stays in the visitor record. */
export type VisitorRecordFacts = Pick<VisitorRow, 'guardName' | 'address' | 'travel' | 'window' | 'temperature' | 'healthCode' | 'symptoms' | 'registeredAt'>;

/**
 * The door's record of the visitor a visitor case is about (SPEC §12), as the
 * report upward states it: the source, the registering guard, 住址 and 行程.
 * The phone stays masked (in `label`); in full it leaves the database only
 * through the administrator's audited export.
 */
export interface VisitorCaseFacts {
  /** `钱九（138****5678）`: the alert's subject, which outlives the visitor record. */
  label: string;
  /** Null once privacy-purge deleted the record (VISITOR_RETENTION_DAYS): only the label is left. */
  record: VisitorRecordFacts | null;
}

/** The visitor case behind incident `id`, or null when its alert is not about a visitor. */
export async function visitorCaseOf(sql: Pick<Sql, 'all'>, id: number): Promise<VisitorCaseFacts | null> {
  const [alert] = await sql.all<{ label: string | null; visitorId: unknown }>("SELECT subject AS label, visitor_id AS \"visitorId\" FROM alert WHERE id = ? AND subject_kind = 'visitor'", [id]);
  if (!alert) return null;
  const visitor = alert.visitorId === null ? undefined : await visitorById(sql, Number(alert.visitorId));
  if (!visitor) return { label: alert.label ?? '', record: null };
  const { guardName, address, travel, window, temperature, healthCode, symptoms, registeredAt } = visitor;
  return { label: alert.label ?? '', record: { guardName, address, travel, window, temperature, healthCode, symptoms, registeredAt } };
}

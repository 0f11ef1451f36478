import { writeFile } from 'node:fs/promises';
import type { Database } from '../db/database';
import { maskPhone } from '../privacy/numbers';
import { visitorsOn, type VisitorRow } from '../door/store';
import { CODE_LABEL } from '../labels';
import { localIso } from '../time';
import type { ExportRange } from './rows';
import { toCsv, writeXlsx } from './format';

/** The columns of the administrator's visitor export (full phone numbers). */
export const VISITOR_HEADER = ['date', 'registered_at', 'name', 'phone', 'address', 'travel', 'window', 'temperature', 'health_code', 'symptoms', 'status', 'reasons', 'guard'] as const;
/** The visitor-anomaly sheet of the report export (masked phone numbers). */
export const VISITOR_ANOMALY_HEADER = ['date', 'registered_at', 'name', 'phone', 'window', 'temperature', 'health_code', 'symptoms', 'status', 'reasons', 'instruction', 'guard'] as const;

function row(v: VisitorRow, timezone: string, phone: string, columns: readonly string[]): string[] {
  const cells: Record<string, string> = {
    date: v.date,
    registered_at: localIso(new Date(v.registeredAt), timezone),
    name: v.name,
    phone,
    address: v.address ?? '',
    travel: v.travel ?? '',
    window: v.window ?? '',
    temperature: v.temperature === null ? '' : v.temperature.toFixed(1),
    health_code: v.healthCode ? CODE_LABEL[v.healthCode] : '',
    symptoms: v.symptoms ?? '',
    status: v.status,
    reasons: v.reasons ?? '',
    instruction: v.instruction ?? '',
    guard: v.guardName ?? '',
  };
  return columns.map((c) => cells[c]);
}

/** The visitor anomalies of the range, phones masked: a sheet of the report export. One query. */
export async function visitorAnomalyRows(db: Database, range: ExportRange): Promise<string[][]> {
  const visitors = (await visitorsOn(db, range.from, range.to)).filter((v) => v.status !== 'normal');
  return visitors.map((v) => row(v, range.timezone, maskPhone(v.phone), VISITOR_ANOMALY_HEADER));
}

/**
 * The administrator's export of visitors registered within the range, phone
 * numbers in full (SPEC §12): `.csv` (UTF-8 with BOM) or `.xlsx`. The caller
 * audits it. Returns how many visitors were written.
 */
export async function writeVisitorExport(db: Database, range: Omit<ExportRange, 'history'>, out: string): Promise<number> {
  const rows = (await visitorsOn(db, range.from, range.to)).map((v) => row(v, range.timezone, v.phone, VISITOR_HEADER));
  if (out.toLowerCase().endsWith('.csv')) await writeFile(out, toCsv(VISITOR_HEADER, rows));
  else await writeXlsx(out, [{ name: 'visitors', header: VISITOR_HEADER, rows, numbers: { temperature: '0.0' } }]);
  return rows.length;
}

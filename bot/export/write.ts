import { writeFile } from 'node:fs/promises';
import type { Database } from '../db/database';
import { toCsv, writeXlsx, type Sheet } from './format';
import { DISINFECTION_HEADER, disinfectionRows, SUPPLY_HEADER, supplyRows } from './routine-rows';
import { VISITOR_ANOMALY_HEADER, visitorAnomalyRows } from './visitors';
import { ALERT_HEADER, alertRows, REPORT_HEADER, reportRows, ROSTER_HEADER, rosterRows, type ExportRange } from './rows';

/** How many rows of each kind an export wrote (alerts and rosters: xlsx only). */
export interface ExportCounts {
  reports: number;
  alerts: number;
  rosters: number;
  visitorAnomalies: number;
}

/**
 * Writes the export to `out`: `.csv` holds the reports; `.xlsx` a sheet of
 * reports, one of alerts, one of rosters, 消杀记录, 物资台账 and one of visitor anomalies (phones masked). A constant number of queries,
 * whatever the range.
 */
export async function writeExport(db: Database, range: ExportRange, out: string): Promise<ExportCounts> {
  const reports = await reportRows(db, range);
  if (out.toLowerCase().endsWith('.csv')) {
    await writeFile(out, toCsv(REPORT_HEADER, reports));
    return { reports: reports.length, alerts: 0, rosters: 0, visitorAnomalies: 0 };
  }
  const sheets: Sheet[] = [
    { name: 'reports', header: REPORT_HEADER, rows: reports, numbers: { temperature: '0.0' } },
    { name: 'alerts', header: ALERT_HEADER, rows: await alertRows(db, range), numbers: { number: '0' } },
    { name: 'rosters', header: ROSTER_HEADER, rows: await rosterRows(db, range), numbers: {} },
    { name: '消杀记录', header: DISINFECTION_HEADER, rows: await disinfectionRows(db, range), numbers: {} },
    { name: '物资台账', header: SUPPLY_HEADER, rows: await supplyRows(db, range), numbers: { quantity: '0', balance: '0' } },
    { name: 'visitor_anomalies', header: VISITOR_ANOMALY_HEADER, rows: await visitorAnomalyRows(db, range), numbers: { temperature: '0.0' } },
  ];
  await writeXlsx(out, sheets);
  const rowsOf = (name: string) => sheets.find((s) => s.name === name)!.rows.length;
  return { reports: reports.length, alerts: rowsOf('alerts'), rosters: rowsOf('rosters'), visitorAnomalies: rowsOf('visitor_anomalies') };
}

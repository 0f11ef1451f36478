import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Database } from '../db/database';
import { displayWidth } from './chinese';
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

/** One sheet of an xlsx export. */
export interface Sheet {
  name: string;
  header: readonly string[];
  rows: string[][];
  /** Columns written as numbers, with their Excel number format. */
  numbers: Record<string, string>;
}

/**
 * A field that Excel or WPS would read as a formula (`=HYPERLINK(…)`, `+cmd|…`,
 * `-2+3`, `@SUM(…)`, or one of those behind a tab, a line break or spaces) —
 * OWASP's CSV injection rule, full-width forms too. The export's numbers
 * (temperatures, dates, times) never start so.
 */
const FORMULA_START = /^[\s]*[=+\-@＝＋－＠]|^[\t\r\n]/;

/** RFC 4180: quote a field holding a comma, a quote or a line break; a would-be formula is made text with a leading `'`. */
function csvField(raw: string): string {
  const value = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text: UTF-8 BOM so that Excel opens Chinese correctly (SPEC §6), CRLF line ends (RFC 4180). */
export function toCsv(header: readonly string[], rows: string[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('')}`;
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

/** Streams the sheets to disk row by row, so a large export does not hold a whole workbook in memory. */
export async function writeXlsx(out: string, sheets: Sheet[]): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
  book.creator = 'HallGuard';
  for (const { name, header, rows, numbers } of sheets) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = header.map((key, i) => ({ key, width: columnWidth(key, rows, i), style: numbers[key] ? { numFmt: numbers[key] } : {} }));
    const head = sheet.addRow([...header]);
    head.font = { bold: true };
    head.commit();
    const numeric = header.map((key) => key in numbers);
    // An empty field is a blank cell, not an empty string: Excel's ISBLANK and COUNTA then read it right.
    for (const row of rows) sheet.addRow(row.map((cell, i) => (cell === '' ? null : numeric[i] ? Number(cell) : cell))).commit();
    sheet.commit();
  }
  await book.commit();
}

/** Wide enough for the longest cell (a Chinese character takes two columns), within reason. */
function columnWidth(key: string, rows: string[][], column: number): number {
  let widest = key.length;
  for (const row of rows) {
    const cell = row[column] ?? '';
    // A cell is at most twice its length wide: most rows are skipped without measuring.
    if (cell.length * 2 > widest) widest = Math.max(widest, displayWidth(cell));
  }
  return Math.min(widest + 2, 60);
}

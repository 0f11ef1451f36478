import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Database } from '../db/database';
import { ALERT_HEADER, alertRows, REPORT_HEADER, reportRows, ROSTER_HEADER, rosterRows, type ExportRange } from './rows';

/** RFC 4180: quote a field holding a comma, quote, or line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV, UTF-8 with BOM so that Excel opens Chinese correctly (SPEC §6). */
export function toCsv(header: string[], rows: string[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Writes the export to `out` (.csv: reports; .xlsx: reports, alerts, rosters); returns the report row count. */
export async function writeExport(db: Database, range: ExportRange, out: string): Promise<number> {
  const reports = await reportRows(db, range);
  if (out.toLowerCase().endsWith('.csv')) {
    await writeFile(out, toCsv(REPORT_HEADER, reports));
    return reports.length;
  }
  const book = new ExcelJS.Workbook();
  book.creator = 'HallGuard';
  const sheets: [string, string[], (string | number)[][]][] = [
    ['reports', REPORT_HEADER, reports.map((row) => row.map((cell, i) => (i === 4 ? Number(cell) : cell)))],
    ['alerts', ALERT_HEADER, await alertRows(db, range)],
    ['rosters', ROSTER_HEADER, await rosterRows(db, range)],
  ];
  for (const [name, header, rows] of sheets) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(header).font = { bold: true };
    sheet.addRows(rows);
    sheet.columns.forEach((column) => (column.width = 16));
  }
  await book.xlsx.writeFile(out);
  return reports.length;
}

import ExcelJS from 'exceljs';
import { displayWidth } from './chinese';

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

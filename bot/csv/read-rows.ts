import type { Info } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** A bad row, by the line a text editor shows (the header is line 1). */
export interface ImportProblem {
  line: number;
  message: string;
}

/**
 * Parses an operator's CSV (UTF-8, with or without BOM) whose header must be
 * exactly `header`: each non-empty record with the line it starts on, or the
 * problem with the file as a whole.
 */
export function readCsvRows(csvText: string, header: readonly string[]): { rows: { line: number; record: string[] }[]; errors: ImportProblem[] } {
  const { rows, errors } = readCsvRowsOf(csvText, [header]);
  return { rows, errors };
}

/**
 * {@link readCsvRows} for a file that may carry one of several headers (a
 * last column being optional): also which header it has, by its width.
 */
export function readCsvRowsOf(
  csvText: string,
  headers: readonly (readonly string[])[],
): { rows: { line: number; record: string[] }[]; errors: ImportProblem[]; width: number } {
  const bytes = Buffer.from(csvText, 'utf8');
  let records: { record: string[]; info: Info }[];
  try {
    // With `info`, each record comes with where it ends; the typings do not say so.
    records = parse(bytes, { bom: true, info: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    return { rows: [], errors: [{ line: Number((err as { lines?: number }).lines ?? 1), message: `CSV 格式错误：${(err as Error).message}` }], width: 0 };
  }
  const [first, ...data] = records;
  const got = first?.record.join(',') ?? '';
  const header = headers.find((h) => h.join(',') === got);
  if (!header) {
    return { rows: [], errors: [{ line: 1, message: `表头应为 ${headers.map((h) => h.join(',')).join(' 或 ')}，实际为 ${got || '（空文件）'}` }], width: 0 };
  }
  const lines = lineCounter(bytes);
  let start = first.info.bytes;
  const rows: { line: number; record: string[] }[] = [];
  for (const { record, info } of data) {
    // csv-parse's own line count drifts on quoted line breaks: count them from the record's first byte.
    const line = lines(start);
    start = info.bytes;
    if (!record.every((field) => field === '')) rows.push({ line, record });
  }
  return { rows, errors: [], width: header.length };
}

/** The line number (from 1) of a byte offset, for increasing offsets; a line ends with LF, CRLF or a lone CR, as editors count. */
function lineCounter(bytes: Buffer): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (; at < offset; at += 1) {
      if (bytes[at] === 0x0a || (bytes[at] === 0x0d && bytes[at + 1] !== 0x0a)) line += 1;
    }
    return line;
  };
}

/** One problem per bad line, in line order, its reasons joined. */
export function byLine(problems: ImportProblem[]): ImportProblem[] {
  const reasons = new Map<number, string[]>();
  for (const { line, message } of problems) {
    const list = reasons.get(line);
    if (list) list.push(message);
    else reasons.set(line, [message]);
  }
  return [...reasons].sort(([a], [b]) => a - b).map(([line, messages]) => ({ line, message: messages.join('；') }));
}

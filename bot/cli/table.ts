import { displayWidth } from '../export/chinese';

/** Lines of an aligned text table, two spaces between columns, a Chinese character counted as two columns. */
export function formatTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map(displayWidth);
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell + ' '.repeat(widths[i] - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The closing table of `reproboard import`: one row per file sent, then totals. */
import { formatBytes } from '../lib/format/bytes';
import { formatCount } from './format-units';

export interface SummaryRow {
  run: string;
  file: string;
  bytes: number;
  lines: number;
  points: number;
  unparsed: number;
  note?: string;
}

const headers = ['run', 'file', 'sent', 'lines', 'points stored', 'lines not understood', ''];

export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  const totals = rows.reduce((sum, row) => ({ bytes: sum.bytes + row.bytes, lines: sum.lines + row.lines, points: sum.points + row.points, unparsed: sum.unparsed + row.unparsed }), { bytes: 0, lines: 0, points: 0, unparsed: 0 });
  const cells = rows.map((row, index) => [
    index > 0 && rows[index - 1]!.run === row.run ? '' : row.run,
    row.file,
    formatBytes(row.bytes),
    formatCount(row.lines),
    formatCount(row.points),
    formatCount(row.unparsed),
    row.note ?? '',
  ]);
  cells.push(['total', `${new Set(rows.map((row) => row.run)).size} run(s)`, formatBytes(totals.bytes), formatCount(totals.lines), formatCount(totals.points), formatCount(totals.unparsed), '']);
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => row[column]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (row: string[]) =>
    row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ').trimEnd();
  return [line(headers), rule, ...cells.slice(0, -1).map(line), rule, line(cells[cells.length - 1]!)].join('\n') + '\n';
}

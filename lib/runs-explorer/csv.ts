/**
 * CSV export of the explorer's current view (RFC 4180): a header of column labels, one record per
 * run, CRLF line ends, and a field quoted (with quotes doubled) only when it holds a comma, quote,
 * CR or LF. Values are the raw ones the table sorts by (fractions, full-precision numbers, ISO
 * times), not the display formatting; a missing value is an empty field.
 */
import type { RunSummary } from '@/lib/schemas/run';
import type { RunColumn } from './columns';
import type { CellValue } from './values';

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(value: CellValue): string {
  return value === null ? '' : String(value);
}

export function toCsv(columns: readonly RunColumn[], runs: readonly RunSummary[]): string {
  const header = columns.map((column) => csvField(column.csvHeader ?? column.label));
  const records = runs.map((run) => columns.map((column) => csvField(cellText(column.value(run)))));
  return [header, ...records].map((fields) => `${fields.join(',')}\r\n`).join('');
}

/** "clipa-h14-runs-2026-12-05.csv", dated in the viewer's time zone. */
export function csvFileName(slug: string, now: Date): string {
  const pad = (number: number) => String(number).padStart(2, '0');
  return `${slug}-runs-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

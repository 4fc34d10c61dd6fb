/**
 * Typed access to the cells of one CSV row that records every problem instead of throwing, so a whole
 * file can be checked in one pass and reported with line and column.
 *
 * Numbers must be plain decimals ("81.8", "12800000000", "-0.11", "1e11"); thousands separators, units
 * and suffixes ("12.8B", "$13,613", "~4") are rejected because the reference files expand them already.
 * Surrounding spaces are tolerated in number cells only. An empty cell is "not given" and reads as null.
 */
import { columnNumberOf, type CsvIssue, type CsvRow } from './csv';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface CellReader {
  /** Text of a column that must be present and non-empty; '' after recording an issue otherwise. */
  requiredText(column: string): string;
  /** Text of a column, or null when the column is absent or the cell is empty. */
  optionalText(column: string): string | null;
  requiredNumber(column: string): number;
  optionalNumber(column: string): number | null;
  optionalInteger(column: string): number | null;
  /** Records a problem with a cell found by a caller-specific rule. */
  report(column: string, message: string): void;
}

export function createCellReader(row: CsvRow, header: readonly string[], issues: CsvIssue[]): CellReader {
  const report = (column: string, message: string) => {
    issues.push({ line: row.line, column: columnNumberOf(header, column), columnName: column, message });
  };
  const cell = (column: string): string | undefined => (Object.hasOwn(row.values, column) ? row.values[column] : undefined);

  const parseNumber = (column: string, text: string): number | null => {
    const trimmed = text.trim();
    if (!DECIMAL.test(trimmed)) {
      report(column, `"${text}" is not a number`);
      return null;
    }
    return Number(trimmed);
  };

  const optionalNumber = (column: string): number | null => {
    const text = cell(column);
    if (text === undefined || text.trim() === '') return null;
    return parseNumber(column, text);
  };

  return {
    report,
    requiredText(column) {
      const text = cell(column);
      if (text === undefined || text.trim() === '') {
        report(column, `"${column}" must not be empty`);
        return '';
      }
      return text;
    },
    optionalText(column) {
      const text = cell(column);
      return text === undefined || text === '' ? null : text;
    },
    requiredNumber(column) {
      const text = cell(column);
      if (text === undefined || text.trim() === '') {
        report(column, `"${column}" must not be empty`);
        return Number.NaN;
      }
      return parseNumber(column, text) ?? Number.NaN;
    },
    optionalNumber,
    optionalInteger(column) {
      const value = optionalNumber(column);
      if (value !== null && !Number.isInteger(value)) {
        report(column, `"${cell(column)}" is not a whole number`);
        return null;
      }
      return value;
    },
  };
}

/** Names from `required` that the header lacks, reported against the header line. */
export function reportMissingColumns(header: readonly string[], required: readonly string[], headerLine = 1): CsvIssue[] {
  return required
    .filter((name) => !header.includes(name))
    .map((name) => ({ line: headerLine, column: header.length + 1, columnName: name, message: `missing required column "${name}"` }));
}

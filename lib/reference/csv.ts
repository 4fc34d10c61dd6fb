/**
 * A strict RFC 4180 CSV reader for the reference files and for uploaded CSVs in the same columns.
 *
 * Strict on purpose: an upload with a stray quote must be rejected with its position, not silently
 * re-interpreted. Accepts `\n`, `\r\n` and lone `\r` line breaks, a leading UTF-8 BOM, quoted fields with
 * commas, doubled quotes and line breaks, and a missing final newline. Lines that are completely empty
 * are skipped (hand-edited files often end with several). Line numbers are 1-based physical lines; a
 * record that spans lines carries the line it starts on.
 */

/** One problem in a CSV file. `column` is the 1-based field number, as a spreadsheet counts columns. */
export interface CsvIssue {
  line: number;
  column: number;
  /** Header name of that column, when the file has a header and the column exists in it. */
  columnName?: string;
  message: string;
}

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvRow {
  line: number;
  /** Cell text by header name, exactly as in the file (no trimming). */
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export type CsvResult<T> = { ok: true; value: T } | { ok: false; errors: CsvIssue[] };

/** Splits CSV text into records; stops at the first syntax error, since everything after it is ambiguous. */
export function parseCsv(text: string): CsvResult<CsvRecord[]> {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let lineStart = 0;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let quoteColumnChar = 1;
  let fieldStarted = false;

  const issue = (message: string, atLine: number, char: number): CsvResult<CsvRecord[]> => ({
    ok: false,
    errors: [{ line: atLine, column: fields.length + 1, message: `${message} (character ${char})` }],
  });
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !fieldStarted;
    if (!blank) records.push({ line: recordLine, fields: [...fields, field] });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
          continue;
        }
        quoted = false;
        const next = input[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return issue('unexpected character after a closing quote', line, i + 2 - lineStart);
        }
        continue;
      }
      if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) {
        line++;
        lineStart = i + 1;
      }
      field += ch;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      lineStart = i + 1;
      recordLine = line;
      continue;
    }
    if (ch === '"') {
      if (field !== '') return issue('a quote inside an unquoted field', line, i + 1 - lineStart);
      quoted = true;
      quoteLine = line;
      quoteColumnChar = i + 1 - lineStart;
      fieldStarted = true;
      continue;
    }
    field += ch;
    fieldStarted = true;
  }
  if (quoted) {
    return {
      ok: false,
      errors: [{ line: quoteLine, column: fields.length + 1, message: `quoted field is never closed (opened at character ${quoteColumnChar})` }],
    };
  }
  endRecord();
  return { ok: true, value: records };
}

/**
 * Reads a CSV whose first record is the header. Every record must have exactly as many fields as the
 * header; all such mismatches are reported, not just the first, so an upload can be fixed in one pass.
 */
export function parseCsvTable(text: string): CsvResult<CsvTable> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [headerRecord, ...records] = parsed.value;
  if (!headerRecord) return { ok: false, errors: [{ line: 1, column: 1, message: 'the file is empty; expected a header line' }] };
  const header = headerRecord.fields;
  const errors: CsvIssue[] = [];
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name.trim() === '') errors.push({ line: headerRecord.line, column: index + 1, message: 'empty column name in the header' });
    else if (seen.has(name)) errors.push({ line: headerRecord.line, column: index + 1, columnName: name, message: `duplicate column "${name}" in the header` });
    seen.add(name);
  });
  const rows: CsvRow[] = [];
  for (const record of records) {
    if (record.fields.length !== header.length) {
      const column = Math.min(record.fields.length, header.length) + 1;
      errors.push({
        line: record.line,
        column,
        message: `expected ${header.length} fields as in the header, found ${record.fields.length}`,
      });
      continue;
    }
    // fromEntries defines own properties, so even a column named "__proto__" stays an ordinary cell.
    const values = Object.fromEntries(header.map((name, index) => [name, record.fields[index]]));
    rows.push({ line: record.line, values });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { header, rows } };
}

/** The 1-based column number of a header name, for issue reports; 0 when the column is absent. */
export function columnNumberOf(header: readonly string[], name: string): number {
  return header.indexOf(name) + 1;
}

/**
 * Cell values of the runs explorer and the one ordering used to sort, group and compare them.
 * params.txt values arrive as the strings Python printed, so numbers are recognised by shape.
 */
export type CellValue = string | number | null;

const NUMBER_SHAPE = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** The number a text spells ("32768", "1e-3", "-0.5"), or null ("", "None", "ViT-H-14", "inf"). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMBER_SHAPE.test(trimmed)) return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

/** A number as itself, a numeric string as its number, anything else null. */
export function numericOf(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value === null ? null : parseNumber(value);
}

/** A params.txt value as a cell: Python's `None` and an empty value are missing, the rest stays as written. */
export function configCellValue(raw: string | undefined): CellValue {
  if (raw === undefined) return null;
  const trimmed = raw.trim();
  return trimmed === '' || trimmed === 'None' ? null : raw;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Case-insensitive, digit-aware text order ("run-2" before "run-10"). */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Ascending order of two present values: numbers (and numeric strings) by value, before any other
 * text, which sorts by compareText. Missing values are the caller's business (they go last).
 */
export function comparePresent(a: string | number, b: string | number): number {
  const x = numericOf(a);
  const y = numericOf(b);
  if (x !== null && y !== null) return x - y;
  if (x !== null) return -1;
  if (y !== null) return 1;
  return compareText(String(a), String(b));
}

/** comparePresent in the given direction, with missing values last either way. */
export function compareCells(a: CellValue, b: CellValue, direction: 'asc' | 'desc' = 'asc'): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = comparePresent(a, b);
  return direction === 'asc' ? order : -order;
}

/**
 * The values the SQL-literal writers store (sql-literals.ts), for the writers that bind parameters
 * instead, so both paths leave identical rows.
 */

/** A point's value goes into `value` when finite, otherwise as this label into `nonFinite`. */
export function nonFiniteLabel(value: number): string | null {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return null;
}

/** Non-finite numbers become NULL, and -0 becomes 0 (as it prints in a literal). */
export function storedNumber(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/** NUL characters become U+FFFD (PostgreSQL text cannot hold NUL; SQLite would cut the string). */
export function storedText(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}

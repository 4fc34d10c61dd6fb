/**
 * Number grammar of Python's `%f`, `%g`, `#g` and `#.5g` output: `0.030`, `123457.` (trailing dot of
 * `#g`), `1.23457e+06`, `1.0000e-05`, and the non-finite `nan`, `inf`, `-inf`.
 */
export const LOGGED_NUMBER_SOURCE = String.raw`-?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|nan|inf)`;

const WHOLE_NUMBER = new RegExp(`^${LOGGED_NUMBER_SOURCE}$`);

/** Reads one logged number; null when the text is not exactly one number of the grammar above. */
export function parseLoggedNumber(text: string): number | null {
  if (!WHOLE_NUMBER.test(text)) return null;
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  if (body === 'nan') return NaN;
  if (body === 'inf') return negative ? -Infinity : Infinity;
  return Number(text);
}

/** Digits after the decimal point, used to spot a fixed-precision field cut off mid-number. */
export function countDecimals(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  const exponent = text.search(/e/);
  return (exponent < 0 ? text.length : exponent) - dot - 1;
}

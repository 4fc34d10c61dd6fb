/**
 * Python's number formats as OpenCLIP uses them in its log lines, so generated logs are
 * byte-identical in shape to real ones: `#g`/`#.5g` keep trailing zeros, and `.Nf` rounds half-even-ish
 * the way toFixed does (close enough for synthetic values).
 */
export function formatAlternateG(value: number, precision = 6): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return `0.${'0'.repeat(precision - 1)}`;
  const exponent = Math.floor(Math.log10(Math.abs(Number(value.toPrecision(precision)))));
  if (exponent < -4 || exponent >= precision) {
    const [mantissa, power] = value.toExponential(precision - 1).split('e');
    const sign = power!.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${power!.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const fixed = value.toFixed(Math.max(0, precision - 1 - exponent));
  return fixed.includes('.') ? fixed : `${fixed}.`;
}

export function formatFixed(value: number, digits: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return value.toFixed(digits);
}

/** `%Y-%m-%d,%H:%M:%S` of a millisecond timestamp, read as UTC (OpenCLIP writes naive local time). */
export function formatLogTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)},${iso.slice(11, 19)}`;
}

/** `.0f` of Python: rounds half to even (0.5 → "0", 1.5 → "2"), unlike Math.round. */
export function formatRoundHalfEven(value: number): string {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (Math.abs(fraction - 0.5) < 1e-9) return String(floor % 2 === 0 ? floor : floor + 1);
  return String(Math.round(value));
}

/** `json.dumps` of a flat object with Python's default separators (", " and ": "). */
export function pythonJsonDumps(record: Record<string, number | string>): string {
  return `{${Object.entries(record).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')}}`;
}

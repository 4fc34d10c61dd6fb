/**
 * Display formats shared by charts and tables. Pure and locale-independent except where a wall-clock
 * time is shown (those use the viewer's time zone, which is what a person reading the chart expects).
 */
export type ValueFormat = 'count' | 'number' | 'percent' | 'epoch' | 'time';

const COUNT_UNITS = [
  ['T', 1e12],
  ['B', 1e9],
  ['M', 1e6],
  ['k', 1e3],
] as const;

function trimZero(text: string): string {
  return text.replace(/\.0$/, '');
}

/** Large counts the way ML people say them: 1.2M, 12.8B, 128M; below 1000 the plain integer. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  for (let index = COUNT_UNITS.length - 1; index >= 0; index -= 1) {
    const [unit, size] = COUNT_UNITS[index]!;
    const nextSize = index > 0 ? COUNT_UNITS[index - 1]![1] : Infinity;
    if (magnitude < size || magnitude >= nextSize) continue;
    const scaled = magnitude / size;
    const digits = scaled < 100 ? 1 : 0;
    const rounded = Number(scaled.toFixed(digits));
    // 999,960 rounds to "1000.0k"; say "1M" instead.
    if (rounded >= 1000 && index > 0) return `${sign}1${COUNT_UNITS[index - 1]![0]}`;
    return `${sign}${trimZero(rounded.toFixed(digits))}${unit}`;
  }
  return `${sign}${Math.round(magnitude)}`;
}

/** A fraction in [0, 1] as a percentage with one decimal: 0.6321 → "63.2%". */
export function formatFractionAsPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A generic measured value: 4 significant digits, exponent for tiny values (learning rates), k/M for large. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4) return formatCount(value);
  if (magnitude < 1e-3) return value.toExponential(1).replace('.0e', 'e');
  return String(Number(value.toPrecision(4)));
}

function formatClock(ms: number, withDate: boolean): string {
  const date = new Date(ms);
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (!withDate) return time;
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}

/**
 * One value in a chart's axis or tooltip. `spanMs` (the x-range of a wall-time axis) decides whether
 * ticks need the date as well as the time of day.
 */
export function formatValue(format: ValueFormat, value: number, spanMs = 0): string {
  switch (format) {
    case 'count':
      return formatCount(value);
    case 'percent':
      return `${Number(value.toFixed(1))}%`;
    case 'epoch':
      return String(Number(value.toFixed(2)));
    case 'time':
      return formatClock(value, spanMs > 20 * 3600 * 1000);
    case 'number':
      return formatNumber(value);
  }
}

/** "just now", "3 min ago", "5 h ago", "2 days ago"; a time in the future (clock skew) is "just now". */
export function formatRelativeTime(thenMs: number, nowMs: number): string {
  const seconds = Math.max(0, (nowMs - thenMs) / 1000);
  if (seconds < 45) return 'just now';
  return `${formatDuration(seconds * 1000)} ago`;
}

/** A length of time in its largest whole unit: "3 min", "5 h", "1 day", "12 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** An exact timestamp for a `title` attribute: ISO date and time in the viewer's zone, to the second. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(
    date.getMinutes(),
  )}:${pad(date.getSeconds())}`;
}

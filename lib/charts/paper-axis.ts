/**
 * Axes of the paper charts: scale, domain, ticks and how tick values read. Log axes take only positive
 * finite values (`isDrawable`), so the preparers can list the others as "not plotted" instead of letting
 * Recharts drop them. Log ticks are powers of ten, with 2× and 5× steps when the data spans less than two
 * decades (else a short range would have one tick or none).
 */
import { formatCount, formatNumber } from './format';
import { niceTicks } from './nice-ticks';

export type AxisScale = 'log' | 'linear';
export type AxisFormat = 'scientific' | 'count' | 'percent' | 'fraction' | 'number';

export interface AxisModel {
  /** The quantity and its unit, e.g. "Samples seen (count)". */
  label: string;
  /** A short name of the quantity for tooltips, e.g. "samples seen". */
  name: string;
  scale: AxisScale;
  domain: [number, number];
  ticks: number[];
  format: AxisFormat;
}

export function parseAxisScale(value: string | null | undefined, fallback: AxisScale): AxisScale {
  return value === 'log' || value === 'linear' ? value : fallback;
}

export function isDrawable(value: number | null | undefined, scale: AxisScale): value is number {
  return typeof value === 'number' && Number.isFinite(value) && (scale === 'linear' || value > 0);
}

/** Why a value cannot sit on this axis, or null when it can. */
export function explainUndrawable(value: number | null | undefined, scale: AxisScale, missing: string): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return missing;
  if (scale === 'log' && value <= 0) return `${formatNumber(value)} cannot be drawn on a log axis (needs > 0)`;
  return null;
}

export function buildAxis(values: readonly number[], options: { label: string; name: string; scale: AxisScale; format: AxisFormat }): AxisModel {
  const finite = values.filter((value) => isDrawable(value, options.scale));
  if (finite.length === 0) return { ...options, domain: options.scale === 'log' ? [1, 10] : [0, 1], ticks: [] };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (options.scale === 'log') {
    const domain: [number, number] = min === max ? [min / 2, max * 2] : [min / 1.3, max * 1.3];
    return { ...options, domain, ticks: logTicks(domain[0], domain[1]) };
  }
  const span = max - min;
  const pad = span > 0 ? span * 0.06 : Math.max(Math.abs(max) * 0.1, 1);
  const domain: [number, number] = [min - pad, max + pad];
  return { ...options, domain, ticks: niceTicks(domain[0], domain[1], 6) };
}

export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const decades = Math.log10(max / min);
  const steps = decades < 1 ? [1, 2, 3, 5] : decades < 2.5 ? [1, 2, 5] : [1];
  const every = decades > 8 ? Math.ceil(decades / 6) : 1;
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent += 1) {
    if (exponent % every !== 0) continue;
    for (const step of steps) {
      const tick = Number((step * 10 ** exponent).toPrecision(12));
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks;
}

/** One tick or tooltip value: 2.4e12, 12.8B, 81.8%, 0.186, 8,640 → "8.6k". */
export function formatAxisValue(format: AxisFormat, value: number): string {
  if (!Number.isFinite(value)) return String(value);
  switch (format) {
    case 'scientific':
      return formatScientific(value);
    case 'count':
      return formatCount(value);
    case 'percent':
      return `${Number(value.toFixed(1))}%`;
    case 'fraction':
      return String(Number(value.toPrecision(3)));
    case 'number':
      return formatNumber(value);
  }
}

function formatScientific(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) < 1e4) return formatNumber(value);
  const [mantissa, exponent] = value.toExponential(2).split('e');
  const digits = String(Number(mantissa));
  return `${digits}e${Number(exponent)}`;
}

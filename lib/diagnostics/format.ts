/** Number formats of diagnostic summaries: steps with thousands separators, fractions as whole percents. */
export function formatStep(step: number): string {
  return Math.round(step).toLocaleString('en-US');
}

export function formatStepRange(from: number, to: number): string {
  return from === to ? `step ${formatStep(from)}` : `steps ${formatStep(from)}–${formatStep(to)}`;
}

export function formatPercentOf(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** 3 significant digits, no exponent for the magnitudes logs print (0.0213, 621, 2.5e-5 as 0.000025). */
export function formatMeasured(value: number): string {
  if (!Number.isFinite(value)) return String(value).toLowerCase();
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return String(Number(value.toPrecision(3)));
}

/** 0.4513 → 0.451: values stored in evidence keep three decimals. */
export function roundTo(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}

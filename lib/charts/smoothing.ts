/**
 * TensorBoard's scalar smoothing: an exponential moving average with a debiased start, so the first
 * points are not pulled towards zero (TensorBoard's vz_line_chart `resmoothDataset`):
 *
 *   last = last · w + (1 − w) · v;   debias = 1 − w^n;   smoothed = last / debias
 *
 * where n counts the finite values seen so far. Non-finite values (null, NaN, ±inf) stay as they are,
 * so a gap in the line stays a gap, and they neither feed nor reset the average. A constant series is
 * returned unchanged (the division would otherwise add float noise). The weight is clamped to [0, 0.999].
 */
export const MAX_SMOOTHING = 0.99;

export function smoothEma(values: readonly (number | null)[], weight: number): (number | null)[] {
  const w = Math.min(0.999, Math.max(0, Number.isFinite(weight) ? weight : 0));
  if (w === 0) return [...values];
  const finite = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (finite.length > 0 && finite.every((value) => value === finite[0])) return [...values];
  let last = 0;
  let count = 0;
  return values.map((value) => {
    if (value === null || !Number.isFinite(value)) return value;
    last = last * w + (1 - w) * value;
    count += 1;
    return last / (1 - w ** count);
  });
}

/** A smoothing weight from the URL: a number in [0, 0.99], anything else is 0 (off). */
export function parseSmoothing(text: string | null | undefined): number {
  const value = Number(text);
  if (text == null || text === '' || !Number.isFinite(value) || value <= 0) return 0;
  return Math.min(MAX_SMOOTHING, Math.round(value * 100) / 100);
}

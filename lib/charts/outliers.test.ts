import { describe, expect, it } from 'vitest';
import { fullRange, quantile, robustRange } from './outliers';

describe('quantile', () => {
  it('interpolates between order statistics like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.01)).toBeCloseTo(0.1, 12);
    expect(quantile([5], 0.99)).toBe(5);
  });
});

describe('robustRange', () => {
  it('leaves a loss spike out of the y range and counts it', () => {
    const values: (number | null)[] = Array.from({ length: 200 }, (_, i) => 2 + (i % 10) / 10);
    values[120] = 1e6;
    const range = robustRange(values)!;
    expect(range.max).toBeLessThan(3);
    expect(range.min).toBeGreaterThanOrEqual(2);
    expect(range.excluded).toBeGreaterThanOrEqual(1);
  });

  it('never widens beyond the real extremes', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const range = robustRange(values)!;
    expect(range.min).toBeGreaterThanOrEqual(0);
    expect(range.max).toBeLessThanOrEqual(99);
  });

  it('ignores non-finite values and keeps the full range of short series', () => {
    expect(robustRange([1, null, Number.NaN, 50, Infinity])).toEqual({ min: 1, max: 50, excluded: 0 });
    expect(robustRange([null])).toBeNull();
  });

  it('keeps the full range when the percentiles collapse (a flat line)', () => {
    expect(robustRange(Array.from({ length: 50 }, () => 4))).toEqual({ min: 4, max: 4, excluded: 0 });
  });
});

describe('fullRange', () => {
  it('spans the finite values', () => {
    expect(fullRange([3, null, -1, Number.NaN, 2])).toEqual({ min: -1, max: 3 });
    expect(fullRange([])).toBeNull();
  });
});

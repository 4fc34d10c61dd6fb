import { describe, expect, it } from 'vitest';
import { parseSmoothing, smoothEma } from './smoothing';

/**
 * The reference: a debiased EMA is the weighted mean of the values so far with weights w^(age),
 * normalised by their sum, i.e. s_i = Σ_j (1−w)·w^(i−j)·v_j / (1 − w^(i+1)). Computed here as that
 * explicit sum, not with the running recurrence the implementation uses.
 */
function referenceSmoothing(values: readonly number[], w: number): number[] {
  return values.map((_, i) => {
    let weighted = 0;
    let total = 0;
    for (let j = 0; j <= i; j += 1) {
      weighted += w ** (i - j) * values[j]!;
      total += w ** (i - j);
    }
    return weighted / total;
  });
}

describe('smoothEma', () => {
  it('matches hand-computed TensorBoard values', () => {
    // w = 0.5: last = 0.5, 1.25, 2.125; debias = 0.5, 0.75, 0.875.
    const smoothed = smoothEma([1, 2, 3], 0.5);
    expect(smoothed[0]).toBeCloseTo(1, 12);
    expect(smoothed[1]).toBeCloseTo(5 / 3, 12);
    expect(smoothed[2]).toBeCloseTo(17 / 7, 12);
  });

  it('matches the reference weighted mean on a noisy curve for several weights', () => {
    const values = Array.from({ length: 200 }, (_, i) => 8 * Math.exp(-i / 40) + 0.3 * Math.sin(i * 1.7) + 2);
    for (const w of [0.1, 0.6, 0.9, 0.99]) {
      const expected = referenceSmoothing(values, w);
      smoothEma(values, w).forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 9));
    }
  });

  it('starts at the first value (debiased, not pulled towards zero)', () => {
    expect(smoothEma([10, 10.5], 0.99)[0]).toBeCloseTo(10, 12);
  });

  it('keeps gaps and skips them: non-finite values neither feed nor reset the average', () => {
    const smoothed = smoothEma([1, null, Number.NaN, 3], 0.5);
    expect(smoothed[1]).toBeNull();
    expect(smoothed[2]).toBeNaN();
    expect(smoothed[3]).toBeCloseTo(referenceSmoothing([1, 3], 0.5)[1]!, 12);
  });

  it('returns the values unchanged at weight 0 and for a constant series', () => {
    expect(smoothEma([3, 1, 2], 0)).toEqual([3, 1, 2]);
    expect(smoothEma([0.1, 0.1, null, 0.1], 0.9)).toEqual([0.1, 0.1, null, 0.1]);
  });
});

describe('parseSmoothing', () => {
  it('reads a weight in [0, 0.99] and treats anything else as off', () => {
    expect(parseSmoothing('0.6')).toBe(0.6);
    expect(parseSmoothing('1')).toBe(0.99);
    expect(parseSmoothing('-1')).toBe(0);
    expect(parseSmoothing('abc')).toBe(0);
    expect(parseSmoothing(null)).toBe(0);
  });
});

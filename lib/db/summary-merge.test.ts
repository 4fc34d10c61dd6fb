import { describe, expect, it } from 'vitest';
import { groupByBucket, mergeBucket, summarizeBucket } from './summary-merge';

const points = (pairs: [number, number][]) => pairs.map(([step, value]) => ({ step, value }));

describe('bucket summaries', () => {
  it('keeps the min, the max, the last step and the first non-finite step', () => {
    const summary = summarizeBucket(64, 1, points([[64, 3], [65, 1], [66, NaN], [67, 9], [70, 5]]));
    expect(summary).toEqual({ width: 64, bucket: 1, minStep: 65, minValue: 1, maxStep: 67, maxValue: 9, lastStep: 70, nonFiniteStep: 66, count: 5 });
  });

  it('merging appended points equals summarising all of them at once', () => {
    const all = points([[0, 5], [1, 4], [2, 7], [3, 1], [4, 6]]);
    const first = summarizeBucket(64, 0, all.slice(0, 2));
    expect(mergeBucket(first, 64, 0, all.slice(2))).toEqual(summarizeBucket(64, 0, all));
  });

  it('asks for a recompute when a point overwrites the stored minimum or maximum', () => {
    const stored = summarizeBucket(64, 0, points([[0, 5], [1, 1], [2, 7]]));
    expect(mergeBucket(stored, 64, 0, points([[1, 6]]))).toBe('recompute');
    expect(mergeBucket(stored, 64, 0, points([[2, 0]]))).toBe('recompute');
    expect(mergeBucket(stored, 64, 0, points([[0, 6]]))).not.toBe('recompute');
  });

  it('groups by bucket edges: step 63 and 64 fall in different buckets of width 64', () => {
    const groups = groupByBucket(points([[0, 1], [63, 1], [64, 1], [1023, 1]]), 64);
    expect([...groups.keys()]).toEqual([0, 1, 15]);
    expect(groups.get(0)!.map((point) => point.step)).toEqual([0, 63]);
  });
});

import { describe, expect, it } from 'vitest';
import { downsampleMinMaxLast } from './downsample';

const series = (values: (number | null)[]) => values.map((y, x) => ({ x, y }));

describe('min/max/last downsampling', () => {
  it('keeps a one-point spike and dip that a sample would miss', () => {
    const values = Array.from({ length: 10_000 }, (_, x) => (x === 4321 ? 50 : x === 8765 ? -50 : Math.sin(x / 100)));
    const kept = downsampleMinMaxLast(series(values), 100);
    expect(kept.length).toBeLessThanOrEqual(300);
    expect(kept.find((point) => point.x === 4321)?.y).toBe(50);
    expect(kept.find((point) => point.x === 8765)?.y).toBe(-50);
    expect(kept.at(-1)!.x).toBe(9999);
  });

  it('keeps per bucket exactly its minimum, maximum and last point, in x order', () => {
    // 12 points, 2 buckets of x-width 5.5: [0..5] and [6..11].
    const kept = downsampleMinMaxLast(series([3, 1, 4, 1.5, 9, 2, 6, 5, 3, 5.8, 9.7, 0.5]), 2);
    expect(kept.map((point) => point.x)).toEqual([1, 4, 5, 10, 11]);
  });

  it('puts a point exactly on a bucket edge into the later bucket', () => {
    const kept = downsampleMinMaxLast(series([5, 0, 9, 1, 7, 2, 8]), 2);
    // Width 3: bucket 0 = x 0..2 (min x1, max and last x2); x 3 starts bucket 1, which also takes
    // the final x 6 (clamped into the last bucket): min x3, max and last x6.
    expect(kept.map((point) => point.x)).toEqual([1, 2, 3, 6]);
  });

  it('never drops a non-finite (null) value', () => {
    const values: (number | null)[] = Array.from({ length: 3000 }, (_, x) => x / 3000);
    values[1500] = null;
    expect(downsampleMinMaxLast(series(values), 10).some((point) => point.x === 1500 && point.y === null)).toBe(true);
  });

  it('is deterministic and leaves short series alone', () => {
    const values = Array.from({ length: 5000 }, (_, x) => Math.cos(x) * x);
    expect(downsampleMinMaxLast(series(values), 50)).toEqual(downsampleMinMaxLast(series(values), 50));
    expect(downsampleMinMaxLast(series([1, 2, 3]), 10)).toEqual(series([1, 2, 3]));
  });
});

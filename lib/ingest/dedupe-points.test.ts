import { describe, expect, it } from 'vitest';
import { keepLastPointPerStep } from './dedupe-points';
import type { MetricPointInput } from './metric-point';

function point(key: string, step: number, value: number): MetricPointInput {
  return { key, step, value, epoch: null, samplesSeen: null, wallTime: null };
}

describe('keepLastPointPerStep', () => {
  it('keeps the last point per (key, step) at the position where it last occurred', () => {
    const points = [point('train/loss', 1, 5), point('train/lr', 1, 0.1), point('train/loss', 2, 4), point('train/loss', 1, 6)];
    expect(keepLastPointPerStep(points)).toEqual([point('train/lr', 1, 0.1), point('train/loss', 2, 4), point('train/loss', 1, 6)]);
  });

  it('treats the same step of different keys as different points', () => {
    expect(keepLastPointPerStep([point('a', 1, 1), point('b', 1, 2)])).toHaveLength(2);
  });
});

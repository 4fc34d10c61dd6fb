import { describe, expect, it } from 'vitest';
import { niceTicks, niceTimeTicks } from './nice-ticks';

describe('niceTicks', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten, inside the range', () => {
    expect(niceTicks(1, 1800)).toEqual([500, 1000, 1500]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 2.56e9)).toEqual([0, 5e8, 1e9, 1.5e9, 2e9, 2.5e9]);
  });

  it('handles a single point and non-finite input', () => {
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(Number.NaN, 5)).toEqual([]);
  });
});

describe('niceTimeTicks', () => {
  it('steps by whole time units', () => {
    const start = Date.UTC(2026, 0, 1, 10, 7);
    const ticks = niceTimeTicks(start, start + 3 * 3_600_000);
    expect(ticks[0]).toBe(Date.UTC(2026, 0, 1, 10, 30));
    expect(ticks[1]! - ticks[0]!).toBe(30 * 60_000);
    expect(ticks.every((tick) => tick % (30 * 60_000) === 0)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });
});

import { describe, expect, it } from 'vitest';
import { formatAxisValue, logTicks, parseXAxis } from './x-axis';

describe('parseXAxis', () => {
  it('accepts the four axes', () => {
    expect(['step', 'samples', 'epoch', 'time'].map(parseXAxis)).toEqual(['step', 'samples', 'epoch', 'time']);
  });

  it('falls back to step for missing or unknown values', () => {
    expect(parseXAxis(undefined)).toBe('step');
    expect(parseXAxis(null)).toBe('step');
    expect(parseXAxis('wall')).toBe('step');
    expect(parseXAxis(['samples', 'epoch'])).toBe('samples');
  });
});

describe('logTicks', () => {
  it('uses powers of ten over several decades and 1-2-5 multiples over a narrow range', () => {
    expect(logTicks(3e-6, 2e-3)).toEqual([1e-5, 1e-4, 1e-3]);
    expect(logTicks(1.5, 30)).toEqual([2, 5, 10, 20]);
    expect(logTicks(1.188, 2.476)).toEqual([1.5, 2]);
    expect(logTicks(0, 10)).toEqual([]);
  });
});

describe('formatAxisValue', () => {
  it('writes GFLOPs as powers of ten', () => {
    expect(formatAxisValue('scientific', 1.2e18)).toBe('1.2e18');
    expect(formatAxisValue('scientific', 2e8)).toBe('2e8');
    expect(formatAxisValue('count', 2e6)).toBe('2M');
  });
});

import { describe, expect, it } from 'vitest';
import { parseXAxis } from './x-axis';

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

import { describe, expect, it } from 'vitest';
import { formatSamples, formatTop1, progressOf } from './run-format';

describe('run summary formats', () => {
  it('shows samples seen with the plan when known', () => {
    expect(formatSamples({ samplesSeen: 1_200_000_000, plannedSamples: 12_800_000_000 })).toBe('1.2B of 12.8B');
    expect(formatSamples({ samplesSeen: 1_200_000, plannedSamples: null })).toBe('1.2M');
    expect(formatSamples({ samplesSeen: null, plannedSamples: 1e9 })).toBe('—');
  });

  it('shows top-1 as a percent with one decimal', () => {
    expect(formatTop1(0.6321)).toBe('63.2%');
    expect(formatTop1(null)).toBe('—');
  });

  it('caps progress at 1', () => {
    expect(progressOf({ samplesSeen: 5, plannedSamples: 10 })).toBe(0.5);
    expect(progressOf({ samplesSeen: 20, plannedSamples: 10 })).toBe(1);
    expect(progressOf({ samplesSeen: 5, plannedSamples: null })).toBeNull();
  });
});

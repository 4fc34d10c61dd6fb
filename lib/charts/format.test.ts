import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatFractionAsPercent, formatNumber, formatRelativeTime, formatValue } from './format';

describe('formatCount', () => {
  it('uses k, M, B with one decimal below 100 units', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1_234)).toBe('1.2k');
    expect(formatCount(1_200_000)).toBe('1.2M');
    expect(formatCount(12_800_000_000)).toBe('12.8B');
    expect(formatCount(128_000_000)).toBe('128M');
    expect(formatCount(2_000_000)).toBe('2M');
  });

  it('carries rounding into the next unit', () => {
    expect(formatCount(999_960)).toBe('1M');
  });
});

describe('formatFractionAsPercent', () => {
  it('shows one decimal', () => {
    expect(formatFractionAsPercent(0.6321)).toBe('63.2%');
    expect(formatFractionAsPercent(0)).toBe('0.0%');
  });
});

describe('formatNumber', () => {
  it('keeps four significant digits and uses exponents for tiny values', () => {
    expect(formatNumber(6.93147)).toBe('6.931');
    expect(formatNumber(0.0005)).toBe('5e-4');
    expect(formatNumber(0.00025)).toBe('2.5e-4');
    expect(formatNumber(12_345)).toBe('12.3k');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatValue', () => {
  it('formats percent values that are already in percent', () => {
    expect(formatValue('percent', 63.21)).toBe('63.2%');
    expect(formatValue('epoch', 1.23456)).toBe('1.23');
    expect(formatValue('count', 5_000)).toBe('5k');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 0, 1, 12);
  it('says how long ago', () => {
    expect(formatRelativeTime(now - 10_000, now)).toBe('just now');
    expect(formatRelativeTime(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(formatRelativeTime(now - 5 * 3_600_000, now)).toBe('5 h ago');
    expect(formatRelativeTime(now - 26 * 3_600_000, now)).toBe('1 day ago');
    expect(formatRelativeTime(now + 60_000, now)).toBe('just now');
  });

  it('formats durations in their largest unit', () => {
    expect(formatDuration(20 * 60_000)).toBe('20 min');
    expect(formatDuration(3 * 86_400_000)).toBe('3 days');
  });
});

import { describe, expect, it } from 'vitest';
import { formatAlternateG, formatFixed, formatLogTimestamp } from './python-format';

describe('Python number formats used by OpenCLIP', () => {
  it('matches #g as printed in LOG_FORMATS.md', () => {
    expect(formatAlternateG(2484.83)).toBe('2484.83');
    expect(formatAlternateG(621.208)).toBe('621.208');
    expect(formatAlternateG(0.5)).toBe('0.500000');
    expect(formatAlternateG(123457)).toBe('123457.');
    expect(formatAlternateG(1234567)).toBe('1.23457e+06');
    expect(formatAlternateG(103.738)).toBe('103.738');
  });

  it('matches #.5g for losses, including tiny values and NaN', () => {
    expect(formatAlternateG(6.9315, 5)).toBe('6.9315');
    expect(formatAlternateG(0.1, 5)).toBe('0.10000');
    expect(formatAlternateG(1e-5, 5)).toBe('1.0000e-05');
    expect(formatAlternateG(NaN, 5)).toBe('nan');
  });

  it('formats fixed decimals and timestamps', () => {
    expect(formatFixed(0.000025, 6)).toBe('0.000025');
    expect(formatFixed(14.2857, 3)).toBe('14.286');
    expect(formatLogTimestamp(Date.UTC(2024, 2, 5, 14, 2, 11))).toBe('2024-03-05,14:02:11');
  });
});

describe('Python rounding and json.dumps', () => {
  it('rounds .0f half to even and separates JSON like Python', async () => {
    const { formatRoundHalfEven, pythonJsonDumps } = await import('./python-format');
    expect([0.5, 1.5, 2.5, 0.4, 99.6].map(formatRoundHalfEven)).toEqual(['0', '2', '2', '0', '100']);
    expect(pythonJsonDumps({ 'imagenet-zeroshot-val-top1': 0.05612, epoch: 2 })).toBe('{"imagenet-zeroshot-val-top1": 0.05612, "epoch": 2}');
  });
});

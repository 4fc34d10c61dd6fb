import { describe, expect, it } from 'vitest';
import { buildAxis, explainUndrawable, formatAxisValue, isDrawable, logTicks } from './paper-axis';

describe('paper axes', () => {
  it('accepts only positive finite values on a log axis and says why others are left out', () => {
    expect(isDrawable(0, 'log')).toBe(false);
    expect(isDrawable(-3, 'log')).toBe(false);
    expect(isDrawable(0, 'linear')).toBe(true);
    expect(isDrawable(null, 'linear')).toBe(false);
    expect(explainUndrawable(0, 'log', 'missing')).toBe('0 cannot be drawn on a log axis (needs > 0)');
    expect(explainUndrawable(null, 'log', 'no training compute')).toBe('no training compute');
    expect(explainUndrawable(5, 'log', 'missing')).toBeNull();
  });

  it('builds a log domain from the positive values only, with power-of-ten ticks', () => {
    const axis = buildAxis([0, -1, 1e11, 1e13], { label: 'C', name: 'compute', scale: 'log', format: 'scientific' });
    expect(axis.domain[0]).toBeCloseTo(1e11 / 1.3, -6);
    expect(axis.domain[1]).toBeCloseTo(1.3e13, -6);
    expect(axis.ticks).toEqual([1e11, 2e11, 5e11, 1e12, 2e12, 5e12, 1e13]);
  });

  it('adds 2× and 5× ticks inside one decade and thins many decades', () => {
    expect(logTicks(0.15, 0.45)).toEqual([0.2, 0.3]);
    expect(logTicks(1, 1e12)).toEqual([1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12]);
  });

  it('pads a linear domain and places round ticks inside it', () => {
    const axis = buildAxis([70, 80], { label: 'acc', name: 'accuracy', scale: 'linear', format: 'percent' });
    expect(axis.domain).toEqual([69.4, 80.6]);
    expect(axis.ticks).toEqual([70, 72, 74, 76, 78, 80]);
  });

  it('formats compute, counts, percent and fractions', () => {
    expect(formatAxisValue('scientific', 2.4e12)).toBe('2.4e12');
    expect(formatAxisValue('scientific', 1e12)).toBe('1e12');
    expect(formatAxisValue('count', 12.8e9)).toBe('12.8B');
    expect(formatAxisValue('percent', 81.8)).toBe('81.8%');
    expect(formatAxisValue('fraction', 0.18612)).toBe('0.186');
  });
});

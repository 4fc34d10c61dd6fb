import { describe, expect, it } from 'vitest';
import { compareCells, configCellValue, numericOf, parseNumber } from './values';

describe('parseNumber', () => {
  it('reads integers, decimals and exponents as written in params.txt', () => {
    expect(parseNumber('32768')).toBe(32768);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('-0.5')).toBe(-0.5);
    expect(parseNumber(' .5 ')).toBe(0.5);
    expect(parseNumber('5E+2')).toBe(500);
  });

  it('refuses text that Number() would accept or that is not a plain number', () => {
    for (const text of ['', ' ', 'None', 'True', 'ViT-H-14', '0x10', 'Infinity', 'inf', '1,000', '[0.9, 0.98]', '1e400']) {
      expect(parseNumber(text), text).toBeNull();
    }
  });
});

describe('cells', () => {
  it('treats None and empty params.txt values as missing', () => {
    expect(configCellValue(undefined)).toBeNull();
    expect(configCellValue('None')).toBeNull();
    expect(configCellValue('')).toBeNull();
    expect(configCellValue('\t')).toBeNull();
    expect(configCellValue('amp')).toBe('amp');
  });

  it('sees numbers in numeric strings only', () => {
    expect(numericOf('256')).toBe(256);
    expect(numericOf(3)).toBe(3);
    expect(numericOf('ViT')).toBeNull();
    expect(numericOf(null)).toBeNull();
  });
});

describe('compareCells', () => {
  const sortAll = (values: (string | number | null)[], direction: 'asc' | 'desc' = 'asc') =>
    [...values].sort((a, b) => compareCells(a, b, direction));

  it('orders numbers by value, numeric strings included, before other text', () => {
    expect(sortAll(['1024', 256, 'amp', '32768', 2e-3])).toEqual([2e-3, 256, '1024', '32768', 'amp']);
  });

  it('orders text case-insensitively and digit-aware', () => {
    expect(sortAll(['run-10', 'Run-2', 'run-1'])).toEqual(['run-1', 'Run-2', 'run-10']);
  });

  it('puts missing values last in both directions', () => {
    expect(sortAll([null, 2, null, 1])).toEqual([1, 2, null, null]);
    expect(sortAll([null, 2, 1], 'desc')).toEqual([2, 1, null]);
  });
});

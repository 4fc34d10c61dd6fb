import { describe, expect, it } from 'vitest';
import { countDecimals, parseLoggedNumber } from './logged-number';

describe('parseLoggedNumber', () => {
  it.each([
    ['0.030', 0.03],
    ['6.9315', 6.9315],
    ['123457.', 123457],
    ['1.23457e+06', 1234570],
    ['1.0000e-05', 0.00001],
    ['0.000000', 0],
    ['2484.83', 2484.83],
    ['-3.5', -3.5],
  ])('reads %s', (text, value) => {
    expect(parseLoggedNumber(text)).toBe(value);
  });

  it('reads the non-finite spellings Python prints', () => {
    expect(parseLoggedNumber('nan')).toBeNaN();
    expect(parseLoggedNumber('inf')).toBe(Infinity);
    expect(parseLoggedNumber('-inf')).toBe(-Infinity);
  });

  it.each(['', '.5', 'abc', '1.2.3', '1e', 'NaN', '12 ', '0x10', '1,5'])('rejects %j', (text) => {
    expect(parseLoggedNumber(text)).toBeNull();
  });
});

describe('countDecimals', () => {
  it('counts digits after the point, ignoring the exponent', () => {
    expect(countDecimals('0.000310')).toBe(6);
    expect(countDecimals('0.4')).toBe(1);
    expect(countDecimals('123457.')).toBe(0);
    expect(countDecimals('12')).toBe(0);
    expect(countDecimals('1.0000e-05')).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { parseNonFiniteJson } from './non-finite-json';

describe('parseNonFiniteJson', () => {
  it('turns bare NaN, Infinity and -Infinity into numbers', () => {
    expect(parseNonFiniteJson('{"a": NaN, "b": Infinity, "c": -Infinity, "d": [NaN, 1]}')).toEqual({
      a: NaN,
      b: Infinity,
      c: -Infinity,
      d: [NaN, 1],
    });
  });

  it('leaves the words alone inside strings, including after escaped quotes', () => {
    expect(parseNonFiniteJson('{"note": "NaN and -Infinity", "q": "say \\"NaN\\"", "v": NaN}')).toEqual({
      note: 'NaN and -Infinity',
      q: 'say "NaN"',
      v: NaN,
    });
  });

  it('keeps ordinary JSON unchanged', () => {
    expect(parseNonFiniteJson('{"epoch": 2, "x": -1.5e-3, "ok": true, "n": null}')).toEqual({ epoch: 2, x: -0.0015, ok: true, n: null });
  });

  it('throws like JSON.parse on invalid input', () => {
    expect(() => parseNonFiniteJson('{"a": 1')).toThrow(SyntaxError);
    expect(() => parseNonFiniteJson('{"a": nan}')).toThrow(SyntaxError);
  });
});

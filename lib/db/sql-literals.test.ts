import { describe, expect, it } from 'vitest';
import { sqlNumber, sqlString } from './sql-literals';

describe('SQL literals for point rows', () => {
  it('quotes strings by doubling single quotes and leaves everything else literal', () => {
    expect(sqlString("train/it's")).toBe("'train/it''s'");
    expect(sqlString("'); DROP TABLE \"Run\"; --")).toBe("'''); DROP TABLE \"Run\"; --'");
    expect(sqlString('back\\slash ünï')).toBe("'back\\slash ünï'");
    expect(sqlString(null)).toBe('NULL');
    expect(sqlString('a\u0000b')).toBe("'a\uFFFDb'");
  });

  it('writes finite numbers exactly and anything else as NULL', () => {
    expect(sqlNumber(0.000025)).toBe('0.000025');
    expect(sqlNumber(12_800_000_000)).toBe('12800000000');
    expect(sqlNumber(2.2882817812935475e17)).toBe('228828178129354750');
    expect(Number(sqlNumber(1 / 3))).toBe(1 / 3);
    expect([NaN, Infinity, -Infinity, null].map(sqlNumber)).toEqual(['NULL', 'NULL', 'NULL', 'NULL']);
  });
});

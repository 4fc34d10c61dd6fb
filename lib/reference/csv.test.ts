import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvTable } from './csv';

function records(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('parseCsv', () => {
  it('splits plain records and numbers lines from 1', () => {
    expect(records('a,b\n1,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const parsed = records('k,v\nx,"a, ""quoted""\nsecond line"\ny,z\n');
    expect(parsed[1]).toEqual({ line: 2, fields: ['x', 'a, "quoted"\nsecond line'] });
    expect(parsed[2]).toEqual({ line: 4, fields: ['y', 'z'] });
  });

  it('accepts CRLF and lone CR line breaks and keeps CRLF inside quotes verbatim', () => {
    expect(records('a,b\r\n1,"x\r\ny"\r\n2,3')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\r\ny'] },
      { line: 4, fields: ['2', '3'] },
    ]);
    expect(records('a\r1\r')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['1'] },
    ]);
  });

  it('handles empty fields, an empty quoted field, a missing final newline and a BOM', () => {
    expect(records('\uFEFFa,b,c\n,,\n"",x,')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['', '', ''] },
      { line: 3, fields: ['', 'x', ''] },
    ]);
  });

  it('skips completely empty lines but counts them', () => {
    expect(records('a\n\n1\n\n\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['1'] },
    ]);
  });

  it('reports a quote inside an unquoted field with line and column', () => {
    const result = parseCsv('a,b\n1,ab"c\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 2, column: 2 });
    expect(result.errors[0].message).toMatch(/quote inside an unquoted field \(character 5\)/);
  });

  it('reports text after a closing quote', () => {
    const result = parseCsv('a,b,c\n1,"x"y,2\n');
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, column: 2 }] });
  });

  it('reports an unterminated quote at the line and column where it opened', () => {
    const result = parseCsv('a,b\n1,2\n3,"never closed\nmore\n');
    expect(result).toMatchObject({ ok: false, errors: [{ line: 3, column: 2 }] });
  });
});

describe('parseCsvTable', () => {
  it('maps cells to header names', () => {
    const result = parseCsvTable('name,value\nx,"1,5"\n');
    expect(result).toEqual({ ok: true, value: { header: ['name', 'value'], rows: [{ line: 2, values: { name: 'x', value: '1,5' } }] } });
  });

  it('reports every row with the wrong number of fields', () => {
    const result = parseCsvTable('a,b,c\n1,2\n1,2,3\n1,2,3,4\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 2, column: 3 },
      { line: 4, column: 4 },
    ]);
  });

  it('reports duplicate and empty header names', () => {
    const result = parseCsvTable('a,,a\n1,2,3\n');
    expect(result).toMatchObject({ ok: false, errors: [{ line: 1, column: 2 }, { line: 1, column: 3, columnName: 'a' }] });
  });

  it('rejects an empty file', () => {
    expect(parseCsvTable('')).toMatchObject({ ok: false, errors: [{ line: 1, column: 1 }] });
  });

  it('treats a column named __proto__ as an ordinary cell', () => {
    const result = parseCsvTable('__proto__,b\nx,y\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value.rows[0].values)).toBe(Object.prototype);
    expect(Object.hasOwn(result.value.rows[0].values, '__proto__')).toBe(true);
  });
});

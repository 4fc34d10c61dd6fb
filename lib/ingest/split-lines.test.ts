import { describe, expect, it } from 'vitest';
import { splitTextLines } from './split-lines';

describe('splitTextLines', () => {
  it('splits on \\n and \\r\\n, without an empty line after the final newline', () => {
    expect(splitTextLines('a\r\nb\nc\n')).toEqual(['a', 'b', 'c']);
  });

  it('keeps a last line without newline and inner empty lines', () => {
    expect(splitTextLines('a\n\nb')).toEqual(['a', '', 'b']);
  });

  it('leaves bare \\r (tqdm updates) inside the line', () => {
    expect(splitTextLines(' 0%|\r100%|\nx\n')).toEqual([' 0%|\r100%|', 'x']);
  });

  it('gives no lines for empty text', () => {
    expect(splitTextLines('')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './unstorable-text';

describe('findUnstorableText', () => {
  it('accepts ordinary text, emoji (surrogate pairs) and non-string values', () => {
    expect(findUnstorableText({ name: 'résumé ✓ 🙂 中文', tags: ['a', 'b'], n: 1, ok: true, none: null })).toBeNull();
  });

  it('names the path of the first string with NUL', () => {
    expect(findUnstorableText({ points: [{ key: 'a' }, { key: 'b\u0000' }] })).toEqual({ path: 'body.points.1.key', problem: 'a NUL character (\\u0000)' });
  });

  it('finds unpaired high and low surrogates, but not pairs', () => {
    expect(findUnstorableText(['x\ud800'])?.path).toBe('body.0');
    expect(findUnstorableText(['\udc00x'])?.path).toBe('body.0');
    expect(findUnstorableText(['\udbff\udfff'])).toBeNull();
    expect(findUnstorableText({ notes: 'ok', tags: ['\ud83d'] })).toEqual({ path: 'body.tags.0', problem: 'an unpaired UTF-16 surrogate (not Unicode text)' });
  });

  it('checks object keys too', () => {
    expect(findUnstorableText({ config: { 'a\u0000': 1 } })).toEqual({ path: 'body.config', problem: 'a key with a NUL character (\\u0000)' });
  });

  it('walks deep nesting without overflowing the stack', () => {
    const depth = 200_000;
    const nested = JSON.parse(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`) as unknown;
    expect(findUnstorableText(nested)?.path.split('.')).toHaveLength(depth + 1);
  });
});

import { describe, expect, it } from 'vitest';
import { detectFileChange, type KnownFile } from '@/cli/detect-file-change';

const bytes = (text: string) => new TextEncoder().encode(text);
const known: KnownFile = { identity: { dev: 1, ino: 10 }, position: 100, tail: bytes('loss: 1.0\n') };

describe('detectFileChange', () => {
  it('sees nothing new, or new bytes, in the same file', () => {
    expect(detectFileChange(known, { identity: { dev: 1, ino: 10 }, size: 100, bytesBeforePosition: bytes('loss: 1.0\n') })).toBe('unchanged');
    expect(detectFileChange(known, { identity: { dev: 1, ino: 10 }, size: 180, bytesBeforePosition: bytes('loss: 1.0\n') })).toBe('appended');
  });

  it('sees a truncation (file shorter than what was sent)', () => {
    expect(detectFileChange(known, { identity: { dev: 1, ino: 10 }, size: 20, bytesBeforePosition: null })).toBe('truncated');
    expect(detectFileChange(known, { identity: { dev: 1, ino: 10 }, size: 0, bytesBeforePosition: null })).toBe('truncated');
  });

  it('sees a file truncated and refilled past the old size by its changed bytes', () => {
    expect(detectFileChange(known, { identity: { dev: 1, ino: 10 }, size: 400, bytesBeforePosition: bytes('other text') })).toBe('rewritten');
  });

  it('tells a rotation (new inode, other content) from a copy (new inode, same content)', () => {
    expect(detectFileChange(known, { identity: { dev: 1, ino: 11 }, size: 30, bytesBeforePosition: null })).toBe('replaced');
    expect(detectFileChange(known, { identity: { dev: 1, ino: 11 }, size: 300, bytesBeforePosition: bytes('different!') })).toBe('replaced');
    expect(detectFileChange(known, { identity: { dev: 1, ino: 11 }, size: 300, bytesBeforePosition: bytes('loss: 1.0\n') })).toBe('copied');
    expect(detectFileChange(known, { identity: { dev: 2, ino: 10 }, size: 100, bytesBeforePosition: bytes('loss: 1.0\n') })).toBe('copied');
  });

  it('accepts any new file when nothing was sent yet', () => {
    const fresh: KnownFile = { identity: { dev: 1, ino: 10 }, position: 0, tail: new Uint8Array(0) };
    expect(detectFileChange(fresh, { identity: { dev: 1, ino: 12 }, size: 50, bytesBeforePosition: new Uint8Array(0) })).toBe('copied');
  });
});

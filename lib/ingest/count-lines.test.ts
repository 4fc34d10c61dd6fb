import { describe, expect, it } from 'vitest';
import { countLines } from './count-lines';

const count = (text: string, stopAbove?: number) => countLines(Buffer.from(text, 'utf8'), stopAbove);

describe('countLines', () => {
  it('counts \\n, \\r\\n and bare \\r endings, and an unfinished last line', () => {
    expect(count('')).toBe(0);
    expect(count('a')).toBe(1);
    expect(count('a\n')).toBe(1);
    expect(count('a\r\nb\r\n')).toBe(2);
    expect(count('a\n\nb')).toBe(3);
    expect(count(' 0%|\r50%|\r100%|\n')).toBe(3);
    expect(count('a\r')).toBe(1);
    expect(count('\r\r\n\n')).toBe(3);
  });

  it('counts multi-byte text and NUL bytes as ordinary line content', () => {
    expect(count('ünïcødé ✓\u0000\nß')).toBe(2);
  });

  it('reads a view into a larger buffer only within its bounds', () => {
    const whole = Buffer.from('x\ny\nz\n');
    expect(countLines(whole.subarray(2, 4))).toBe(1);
  });

  it('stops counting past stopAbove', () => {
    const many = '\n'.repeat(1000);
    expect(count(many, 10)).toBeGreaterThan(10);
    expect(count(many, 10)).toBeLessThan(1000);
    expect(count(many)).toBe(1000);
  });
});

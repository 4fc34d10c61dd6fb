import { describe, expect, it } from 'vitest';
import { detectLogFlavour, findEmbeddedPrefix, splitLogPrefix } from './log-prefix';

describe('detectLogFlavour', () => {
  it.each([
    ['2024-03-05,14:02:11 | INFO | Start epoch 0', 'classic'],
    ['2024-03-05,14:02:11 |  node017 | INFO | Start epoch 0', 'classic-host'],
    ['2026-06-20,09:15:02 | INFO | open_clip_train.train | Start epoch 0', 'main'],
    ['2021-08-02,10:11:12 | INFO | Rank 0 | Start epoch 0', 'rank'],
    ['2021-08-02,10:11:12 | WARNING | Rank 12 | x', 'rank'],
  ])('%s → %s', (line, flavour) => {
    expect(detectLogFlavour(line)).toBe(flavour);
  });

  it('returns null for unprefixed lines', () => {
    expect(detectLogFlavour('  (visual): VisionTransformer(')).toBeNull();
    expect(detectLogFlavour('2024-03-05 14:02:11 | INFO | x')).toBeNull();
  });
});

describe('splitLogPrefix', () => {
  it('reads the naive timestamp as UTC and keeps the message intact', () => {
    expect(splitLogPrefix('2024-03-05,14:02:11 | INFO |   lr: 0.0005', 'classic')).toEqual({
      wallTime: Date.UTC(2024, 2, 5, 14, 2, 11),
      level: 'INFO',
      message: '  lr: 0.0005',
    });
  });

  it('strips the logger name in main files but keeps " | " inside the message', () => {
    expect(splitLogPrefix('2026-06-20,09:21:40 | INFO | open_clip_train.train | End epoch 0 | Avg Loss: 5.8331', 'main')?.message).toBe('End epoch 0 | Avg Loss: 5.8331');
  });

  it('keeps "word | " in classic files, because the flavour is decided per file', () => {
    expect(splitLogPrefix('2024-03-05,14:02:11 | INFO | root | message', 'classic')?.message).toBe('root | message');
  });

  it('falls back to the classic prefix when the flavour field is missing', () => {
    expect(splitLogPrefix('2021-08-02,10:11:12 | ERROR | crash', 'rank')).toEqual({ wallTime: Date.UTC(2021, 7, 2, 10, 11, 12), level: 'ERROR', message: 'crash' });
  });

  it('gives a null wall time for impossible dates', () => {
    expect(splitLogPrefix('2024-13-05,14:02:11 | INFO | x', 'classic')?.wallTime).toBeNull();
  });
});

describe('findEmbeddedPrefix', () => {
  it('finds a record glued behind junk, not one at the start', () => {
    expect(findEmbeddedPrefix('**2024-03-05,14:02:11 | INFO | x')).toBe(2);
    expect(findEmbeddedPrefix('2024-03-05,14:02:11 | INFO | x')).toBe(-1);
    expect(findEmbeddedPrefix('no record here')).toBe(-1);
  });
});

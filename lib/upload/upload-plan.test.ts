import { describe, expect, it } from 'vitest';
import { classifyRunFiles } from './classify-run-files';
import { chunkRanges, DEFAULT_CHUNK_BYTES, isChunked, nextChunk, planUpload } from './upload-plan';

describe('planUpload', () => {
  it('sends params.txt, out.log, results.jsonl, then event files by name', () => {
    const { found } = classifyRunFiles(
      ['r/tensorboard/events.out.tfevents.200.h.1.0', 'r/checkpoints/results.jsonl', 'r/out.log', 'r/tensorboard/events.out.tfevents.100.h.1.0', 'r/params.txt'].map(
        (path) => ({ path, size: 1 }),
      ),
    );
    expect(planUpload(found).map((file) => file.relativePath)).toEqual([
      'params.txt',
      'out.log',
      'checkpoints/results.jsonl',
      'tensorboard/events.out.tfevents.100.h.1.0',
      'tensorboard/events.out.tfevents.200.h.1.0',
    ]);
  });

  it('chunks only the cursor-based files', () => {
    expect(['params', 'outLog', 'results', 'tfevents'].map((kind) => isChunked(kind as never))).toEqual([false, true, false, true]);
  });
});

describe('chunk ranges', () => {
  it('stays under the server limit of 8 MiB by default', () => {
    expect(DEFAULT_CHUNK_BYTES).toBe(4 * 1024 * 1024);
  });

  it('covers a file exactly, the last chunk shorter', () => {
    expect(chunkRanges(10, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
    expect(chunkRanges(8, 4)).toHaveLength(2);
    expect(chunkRanges(0, 4)).toEqual([]);
  });

  it('continues from any server cursor and stops at or beyond the end', () => {
    expect(nextChunk(3, 10, 4)).toEqual({ start: 3, end: 7 });
    expect(nextChunk(10, 10, 4)).toBeNull();
    expect(nextChunk(12, 10, 4)).toBeNull();
    expect(() => nextChunk(0, 10, 0)).toThrow(RangeError);
  });

  it('plans a 100 MB log as 24 chunks', () => {
    expect(chunkRanges(100_000_000, DEFAULT_CHUNK_BYTES)).toHaveLength(24);
  });
});

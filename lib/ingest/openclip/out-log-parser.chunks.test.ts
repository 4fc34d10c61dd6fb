import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricPointInput, UnparsedLine } from '../metric-point';
import { splitTextLines } from '../split-lines';
import { createOutLogState, parseOutLog, parseOutLogLines, type OutLogChunkResult, type OutLogState } from './out-log-parser';

const SYNTHETIC = new URL('../../../test/fixtures/openclip/', import.meta.url);
const REAL = new URL('../../../test/fixtures/openclip-real/', import.meta.url);

function listLogs(folder: URL): URL[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.log'))
    .sort()
    .map((name) => new URL(name, folder));
}

/** Deterministic PRNG (mulberry32) so a failing split can be reproduced. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

interface Merged {
  points: MetricPointInput[];
  unparsed: UnparsedLine[];
  unparsedCount: number;
  lineCount: number;
  last: OutLogChunkResult;
}

/** Chunk sizes of 0 to 7 lines, empty chunks included. */
function randomSizes(seed: number): () => number {
  const random = createRandom(seed);
  return () => (random() < 0.2 ? 0 : 1 + Math.floor(random() * 7));
}

/** Feeds the lines in chunks, storing the state as JSON in between, and merges like the store. */
function parseInChunks(lines: readonly string[], nextSize: () => number): Merged {
  const store = new Map<string, MetricPointInput>();
  const unparsed: UnparsedLine[] = [];
  let unparsedCount = 0;
  let lineCount = 0;
  let state: OutLogState = createOutLogState();
  let last = parseOutLogLines([], state);
  for (let start = 0; start < lines.length; ) {
    const size = nextSize();
    last = parseOutLogLines(lines.slice(start, start + size), state);
    for (const point of last.points) {
      const identity = `${point.key}\u0000${point.step}`;
      store.delete(identity);
      store.set(identity, point);
    }
    unparsed.push(...last.unparsed);
    unparsedCount += last.unparsedCount;
    lineCount += last.lineCount;
    state = JSON.parse(JSON.stringify(last.state)) as OutLogState;
    start += size;
  }
  return { points: [...store.values()], unparsed, unparsedCount, lineCount, last };
}

describe('parseOutLogLines in chunks equals one call on the whole file', () => {
  const files = [...listLogs(SYNTHETIC), ...listLogs(REAL)];

  it('covers the synthetic and the real logs', () => {
    expect(files.length).toBeGreaterThanOrEqual(14 + 15);
  });

  it.each(files.map((file) => [file.pathname.split('/test/fixtures/')[1], file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const whole = parseOutLog(text);
    const lines = splitTextLines(text);
    for (const seed of [1, 2, 3, 4, 5]) {
      const chunked = parseInChunks(lines, randomSizes(seed));
      expect(chunked.points).toEqual(whole.points);
      expect(chunked.unparsedCount).toBe(whole.unparsedCount);
      if (whole.unparsedCount <= 50) expect(chunked.unparsed).toEqual(whole.unparsed);
      expect(chunked.lineCount).toBe(whole.lineCount);
      expect(chunked.last.info).toEqual(whole.info);
      expect(chunked.last.state).toEqual(whole.state);
    }
  });

  it('line by line also gives the same points for the resumed run', () => {
    const lines = splitTextLines(readFileSync(new URL('classic-multi-gpu-resumed.out.log', SYNTHETIC), 'utf8'));
    const chunked = parseInChunks(lines, () => 1);
    expect(chunked.points).toEqual(parseOutLog(lines.join('\n')).points);
    expect(chunked.points.length).toBeGreaterThan(80);
  });
});

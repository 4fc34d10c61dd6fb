import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricPointInput } from '../metric-point';
import { splitTextLines } from '../split-lines';
import { createOutLogState, parseOutLog, parseOutLogLines, type OutLogChunkResult, type OutLogState } from './out-log-parser';

const SYNTHETIC = new URL('../../../test/fixtures/openclip/', import.meta.url);

function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const KEY = /^(train|val)\/\S+$/;

function expectSaneResult(result: OutLogChunkResult): void {
  for (const point of result.points as MetricPointInput[]) {
    expect(point.key).toMatch(KEY);
    expect(Number.isSafeInteger(point.step) && point.step >= 0 && point.step <= 2_147_483_647).toBe(true);
    expect(typeof point.value).toBe('number');
  }
  expect(result.unparsed.length).toBeLessThanOrEqual(50);
  expect(result.unparsedCount).toBeGreaterThanOrEqual(result.unparsed.length);
  for (const line of result.unparsed) expect(line.text.length).toBeLessThanOrEqual(300);
  expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
  expect(JSON.stringify(result.state).length).toBeLessThan(250_000);
}

describe('parseOutLog never throws and stays fast', () => {
  it('handles random bytes decoded as UTF-8 and Latin-1', () => {
    const random = createRandom(7);
    for (let round = 0; round < 30; round += 1) {
      const bytes = Buffer.from(Array.from({ length: 20_000 }, () => Math.floor(random() * 256)));
      for (const text of [bytes.toString('utf8'), bytes.toString('latin1')]) {
        const result = parseOutLog(text);
        expectSaneResult(result);
        expect(result.lineCount).toBe(splitTextLines(text).length);
      }
    }
  });

  it('handles mutated fixture lines (cuts, splices, inserted noise) in random chunks', () => {
    const random = createRandom(11);
    const lines = readdirSync(SYNTHETIC)
      .filter((name) => name.endsWith('.log'))
      .flatMap((name) => splitTextLines(readFileSync(new URL(name, SYNTHETIC), 'utf8')));
    const noise = ['\t', ' ', '|', ':', '[', ']', '(', ')', '/', '%', 'nan', 'inf', '-', 'e+', '9'.repeat(20), '\r', '**', 'Train Epoch: ', 'Eval Epoch: '];
    const mutate = (line: string): string => {
      const at = Math.floor(random() * (line.length + 1));
      const choice = random();
      if (choice < 0.3) return line.slice(0, at);
      if (choice < 0.6) return line.slice(0, at) + noise[Math.floor(random() * noise.length)] + line.slice(at);
      if (choice < 0.8) return line.slice(0, at) + lines[Math.floor(random() * lines.length)];
      return line.slice(at);
    };
    let state: OutLogState = createOutLogState();
    for (let round = 0; round < 400; round += 1) {
      const chunk = Array.from({ length: 1 + Math.floor(random() * 20) }, () => mutate(lines[Math.floor(random() * lines.length)]));
      const result = parseOutLogLines(chunk, state);
      expectSaneResult(result);
      state = JSON.parse(JSON.stringify(result.state)) as OutLogState;
    }
  });

  it.each([
    ['a 10 MB line of digits', '9'.repeat(10_000_000)],
    ['a 10 MB train line with a huge number', `2024-03-05,14:02:11 | INFO | Train Epoch: 0 [1024/2048 (50%)] Loss: ${'1'.repeat(10_000_000)}`],
    ['repeated Train Epoch markers', 'Train Epoch: 0 ['.repeat(700_000)],
    ['repeated loss pairs', `Train Epoch: 0 [1024/2048 (50%)] ${'A: 1 (2 '.repeat(1_000_000)}`],
    ['repeated eval pairs', `Eval Epoch: 1 ${'k: 1 '.repeat(2_000_000)}`],
    ['a fake warning header', `x${':1: a'.repeat(1_500_000)}`],
    ['a prefix followed by junk', `2024-03-05,14:02:11 |  ${'a'.repeat(10_000_000)}`],
    ['tqdm updates', '\r 50%|█████     | 500/1000'.repeat(300_000)],
  ])('%s', (_name, line) => {
    const started = performance.now();
    const result = parseOutLogLines([line, '2024-03-05,14:02:11 | INFO | Start epoch 0'], createOutLogState());
    expect(performance.now() - started).toBeLessThan(3000);
    expectSaneResult(result);
    expect(result.lineCount).toBe(2);
    expect(result.unparsed.every((entry) => entry.line === 1)).toBe(true);
  });

  it('only looks at the first 64 KiB of a line', () => {
    const header = ['2024-03-05,14:01:00 | INFO |   batch_size: 1', '2024-03-05,14:01:00 | INFO |   world_size: 1', '2024-03-05,14:01:00 | INFO | Start epoch 0'];
    const record = '2024-03-05,14:02:11 | INFO | Train Epoch: 0 [1/2 (50%)] Loss: 1.0 (1.0)';
    expect(parseOutLogLines([...header, `${'x'.repeat(60_000)} ${record}`], createOutLogState()).points).toHaveLength(1);
    const result = parseOutLogLines([...header, `${'x'.repeat(70_000)} ${record}`], createOutLogState());
    expect(result.points).toEqual([]);
    expect(result.unparsed).toEqual([{ line: 4, text: 'x'.repeat(300), reason: 'not understood' }]);
  });

  it('refuses absurd epochs and sample counts instead of emitting unusable steps', () => {
    const result = parseOutLogLines(
      [
        '2024-03-05,14:01:00 | INFO |   batch_size: 1',
        '2024-03-05,14:01:00 | INFO |   world_size: 1',
        '2024-03-05,14:02:11 | INFO | Train Epoch: 99999999 [1/99999999 (0%)] Loss: 1.0 (1.0)',
        '2024-03-05,14:02:12 | INFO | Eval Epoch: 1e30 top1: 0.5',
        '2024-03-05,14:02:13 | INFO | Train Epoch: 0 [5/0 (0%)] Loss: 1.0 (1.0)',
      ],
      createOutLogState(),
    );
    expect(result.points).toEqual([]);
    expect(result.unparsed.map((line) => [line.line, line.reason])).toEqual([
      [3, 'train line with a step out of range'],
      [4, 'eval line with an epoch out of range'],
      [5, 'train line with sample counts out of range'],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricPointInput } from '../metric-point';
import { parseResultsJsonl } from './results-jsonl-parser';

const SYNTHETIC = new URL('../../../test/fixtures/openclip/', import.meta.url);
const zeroShotOnly = readFileSync(new URL('results-zero-shot-only.jsonl', SYNTHETIC), 'utf8');
const withVal = readFileSync(new URL('results-with-val.jsonl', SYNTHETIC), 'utf8');
const M = 1007616;

/** [step, samplesSeen, epoch, value] of one key, in output order. */
const track = (points: readonly MetricPointInput[], key: string) =>
  points.filter((point) => point.key === key).map((point) => [point.step, point.samplesSeen, point.epoch, point.value]);

describe('parseResultsJsonl: zero-shot-only rows without an epoch key', () => {
  it('takes epochs from out.log eval lines and keeps NaN / Infinity', () => {
    const result = parseResultsJsonl(zeroShotOnly, { evalEpochs: [2, 4, 6], stepsPerEpoch: 984, samplesPerEpoch: M });
    expect(result.rows).toBe(3);
    expect(result.unparsed).toEqual([]);
    expect(track(result.points, 'val/imagenet-zeroshot-val-top1')).toEqual([
      [1968, 2 * M, 2, 0.05612],
      [3936, 4 * M, 4, NaN],
      [5904, 6 * M, 6, 0.11874],
    ]);
    expect(track(result.points, 'val/imagenet-zeroshot-val-top5')[1]).toEqual([3936, 4 * M, 4, Infinity]);
    expect(result.points.every((point) => point.wallTime === null)).toBe(true);
  });

  it('falls back to the zero-shot schedule: every freq epochs and the last epoch', () => {
    const result = parseResultsJsonl(zeroShotOnly, { zeroshotFrequency: 2, epochs: 5, stepsPerEpoch: 984, samplesPerEpoch: M });
    expect(track(result.points, 'val/imagenet-zeroshot-val-top1').map(([step, , epoch]) => [step, epoch])).toEqual([
      [1968, 2],
      [3936, 4],
      [4920, 5],
    ]);
  });

  it('uses out.log epochs as far as they go, then the schedule', () => {
    const result = parseResultsJsonl(zeroShotOnly, { evalEpochs: [1], zeroshotFrequency: 1, epochs: 3, stepsPerEpoch: 10, samplesPerEpoch: 100 });
    expect(track(result.points, 'val/imagenet-zeroshot-val-top1').map(([step]) => step)).toEqual([10, 20, 30]);
  });

  it('uses freq, 2·freq, … without an epoch count', () => {
    const result = parseResultsJsonl(zeroShotOnly, { zeroshotFrequency: 2 });
    expect(track(result.points, 'val/imagenet-zeroshot-val-top1').map(([step, samplesSeen, epoch]) => [step, samplesSeen, epoch])).toEqual([
      [2, null, 2],
      [4, null, 4],
      [6, null, 6],
    ]);
  });

  it('falls back to row number + 1 and step = E without steps per epoch', () => {
    const result = parseResultsJsonl(zeroShotOnly, {});
    expect(track(result.points, 'val/imagenet-zeroshot-val-top1').map(([step, samplesSeen, epoch]) => [step, samplesSeen, epoch])).toEqual([
      [1, null, 1],
      [2, null, 2],
      [3, null, 3],
    ]);
  });
});

describe('parseResultsJsonl: rows with an epoch key', () => {
  const result = parseResultsJsonl(withVal, { evalEpochs: [9, 9, 9, 9], stepsPerEpoch: 984, samplesPerEpoch: M });

  it('prefers the epoch key and lets the last row of a re-evaluated epoch win', () => {
    expect(track(result.points, 'val/clip_val_loss')).toEqual([
      [984, M, 1, 4.512345678],
      [1968, 2 * M, 2, 4.017243385314941],
      [2952, 3 * M, 3, -Infinity],
    ]);
    expect(track(result.points, 'val/imagenet-zeroshot-val-top1').map(([step, , , value]) => [step, value])).toEqual([
      [984, 0.03421],
      [1968, 0.05699],
      [2952, 0.0701],
    ]);
    expect(result.points.filter((point) => point.step === 1968)).toHaveLength(4);
  });

  it('skips bookkeeping and non-numeric fields', () => {
    const keys = new Set(result.points.map((point) => point.key));
    expect([...keys].sort()).toEqual(['val/clip_val_loss', 'val/image_to_text_R@1', 'val/imagenet-zeroshot-val-top1', 'val/imagenet-zeroshot-val-top5']);
  });

  it('reports the row cut off by a crash', () => {
    expect(result.rows).toBe(4);
    expect(result.unparsed).toEqual([{ line: 5, text: '{"imagenet-zeroshot-val-top1": 0.08, "epoch": 4, "num_sam', reason: 'not valid JSON' }]);
  });
});

describe('parseResultsJsonl: robustness', () => {
  it('reports non-object rows and negative epochs, ignores blank lines', () => {
    const result = parseResultsJsonl('[1, 2]\n\n"text"\n{"top1": 0.5, "epoch": -1}\n{"top1": 0.6}\n', {});
    expect(result.unparsed.map((line) => [line.line, line.reason])).toEqual([
      [1, 'not a JSON object'],
      [3, 'not a JSON object'],
      [4, 'epoch out of range'],
    ]);
    expect(result.rows).toBe(2);
    expect(result.points).toEqual([{ key: 'val/top1', step: 2, epoch: 2, samplesSeen: null, wallTime: null, value: 0.6 }]);
  });
});

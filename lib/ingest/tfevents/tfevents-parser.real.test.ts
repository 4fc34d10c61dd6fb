import { describe, expect, it } from 'vitest';
import type { MetricPointInput } from '../metric-point';
import { parseTfeventsFile } from './tfevents-parser';
import { readFixture } from './tfevents-test-helpers';

/** Points of one key in file order, as [step, value]. */
function series(points: MetricPointInput[], key: string): [number, number][] {
  return points.filter((point) => point.key === key).map((point) => [point.step, point.value]);
}

function keysOf(points: MetricPointInput[]): string[] {
  return [...new Set(points.map((point) => point.key))];
}

function range(from: number, to: number, by = 1): number[] {
  return Array.from({ length: Math.floor((to - from) / by) + 1 }, (_, index) => from + index * by);
}

describe('parseTfeventsFile on real event files (test/fixtures/tfevents/README.md)', () => {
  it('PyTorch SummaryWriter, strict: 101 records, strict/foo ×100 at steps 0 → 495 every 5', () => {
    const result = parseTfeventsFile(readFixture('strict'));
    expect(result).toMatchObject({ recordsRead: 101, skippedValues: 0, corruptCount: 0, corrupt: [] });
    expect(result.state.fileVersion).toBe('brain.Event:2');
    expect(keysOf(result.points)).toEqual(['strict/foo']);
    const foo = series(result.points, 'strict/foo');
    expect(foo.map(([step]) => step)).toEqual(range(0, 495, 5));
    expect(foo[0]).toEqual([0, 1.4962565898895264]);
    expect(foo.at(-1)).toEqual([495, 1.212090253829956]);
    expect(result.points[0]).toMatchObject({ epoch: null, samplesSeen: null, wallTime: expect.closeTo(1622543341758.558, 0) });
  });

  it('PyTorch SummaryWriter, lax: three interleaved tags ×110 each at steps 0 → 109', () => {
    const result = parseTfeventsFile(readFixture('lax'));
    expect(result).toMatchObject({ recordsRead: 331, skippedValues: 0, corruptCount: 0 });
    expect(keysOf(result.points)).toEqual(['lax/foo', 'lax/bar_1', 'lax/bar_2']);
    for (const key of keysOf(result.points)) expect(series(result.points, key).map(([step]) => step)).toEqual(range(0, 109));
    const foo = series(result.points, 'lax/foo');
    expect(foo[0]![1]).toBe(1.2587659358978271);
    expect(foo.at(-1)![1]).toBe(1.4174270629882812);
  });

  it('duplicate steps: 0 → 99 then back to 90 → 199; the later value wins, so 200 unique steps per tag', () => {
    const bytes = readFixture('duplicateSteps');
    const result = parseTfeventsFile(bytes);
    expect(result).toMatchObject({ recordsRead: 421, skippedValues: 0, corruptCount: 0 });
    expect(keysOf(result.points).sort()).toEqual(['dup_steps/bar', 'dup_steps/foo']);
    for (const key of ['dup_steps/foo', 'dup_steps/bar']) {
      expect(series(result.points, key).map(([step]) => step)).toEqual(range(0, 199));
    }
    const foo = series(result.points, 'dup_steps/foo');
    expect(foo[0]).toEqual([0, 1.4962565898895264]);
    expect(foo.at(-1)).toEqual([199, 1.5478503704071045]);

    // Steps 90–99 were logged twice with different values: the store keeps the later one.
    const logged = rawSeries(bytes, 'dup_steps/foo');
    expect(logged.map(([step]) => step)).toEqual([...range(0, 99), ...range(90, 199)]);
    const kept = new Map(foo);
    for (const [step, value] of logged.slice(100, 110)) expect(kept.get(step)).toBe(value);
    expect(logged.slice(90, 100).every(([, value], index) => value !== logged[100 + index]![1])).toBe(true);
  });

  it('HF Trainer: text summaries are skipped, scalars read, and float32-rounded large values kept', () => {
    const result = parseTfeventsFile(readFixture('hfTrain'));
    expect(result).toMatchObject({ recordsRead: 1729, skippedValues: 2, corruptCount: 0 });
    expect(keysOf(result.points).sort()).toEqual(
      ['train/epoch', 'train/grad_norm', 'train/learning_rate', 'train/loss', 'train/total_flos', 'train/train_loss', 'train/train_runtime', 'train/train_samples_per_second', 'train/train_steps_per_second'],
    );
    const loss = series(result.points, 'train/loss');
    expect(loss).toHaveLength(430);
    expect(loss[0]).toEqual([500, 1.9962999820709229]);
    expect(loss.at(-1)).toEqual([215000, 1.742300033569336]);
    for (const key of ['train/grad_norm', 'train/learning_rate']) expect(series(result.points, key)).toHaveLength(430);
    const learningRate = series(result.points, 'train/learning_rate');
    expect([learningRate[0]![1], learningRate.at(-1)![1]]).toEqual([4.988390355720185e-5, 7.824944248113752e-8]);
    const epoch = series(result.points, 'train/epoch');
    expect([epoch.length, epoch[0]![0], epoch.at(-1)![0]]).toEqual([431, 500, 215337]);
    expect(series(result.points, 'train/total_flos')).toEqual([[215337, 2.2882817812935475e17]]);
    for (const key of ['train/train_runtime', 'train/train_samples_per_second', 'train/train_steps_per_second', 'train/train_loss']) {
      expect(series(result.points, key).map(([step]) => step)).toEqual([215337]);
    }
  });

  it('HF Trainer, second file of the run: ten eval scalars at step 215337', () => {
    const result = parseTfeventsFile(readFixture('hfEval'));
    expect(result).toMatchObject({ recordsRead: 11, skippedValues: 0, corruptCount: 0 });
    expect(result.points).toHaveLength(10);
    expect(result.points.every((point) => point.step === 215337)).toBe(true);
    expect(series(result.points, 'eval/loss')).toEqual([[215337, 1.633907675743103]]);
  });

  it('TensorFlow 2 tensor scalars: DT_FLOAT in tensor_content, value 0.5 × step for steps 0 → 99', () => {
    const result = parseTfeventsFile(readFixture('tf2'));
    expect(result).toMatchObject({ recordsRead: 101, skippedValues: 0, corruptCount: 0 });
    expect(series(result.points, 'my_metric')).toEqual(range(0, 99).map((step) => [step, 0.5 * step]));
  });

  it('CatBoost: no file_version record, node_name set, whole-second wall times', () => {
    const result = parseTfeventsFile(readFixture('catboost'));
    expect(result).toMatchObject({ recordsRead: 1000, skippedValues: 0, corruptCount: 0 });
    expect(result.state.fileVersion).toBeNull();
    const logloss = series(result.points, 'Logloss');
    expect(logloss.map(([step]) => step)).toEqual(range(0, 999));
    expect(logloss[0]).toEqual([0, 0.6576184630393982]);
    expect(logloss.at(-1)).toEqual([999, 0.43601858615875244]);
    expect(result.points[0]!.wallTime).toBe(1720366109000);
    expect(result.points.at(-1)!.wallTime).toBe(1720366132000);
  });

  it('the 94-byte dfalbel file, checked by hand: one point, step 0 from the missing step field', () => {
    const bytes = readFixture('tiny');
    expect(bytes).toHaveLength(94);
    const result = parseTfeventsFile(bytes);
    expect(result).toMatchObject({ recordsRead: 2, skippedValues: 0, corruptCount: 0 });
    expect(result.points).toEqual([{ key: 'hello', step: 0, epoch: null, samplesSeen: null, wallTime: 1687811641000, value: 1 }]);
  });
});

/** Every (step, value) of a tag in file order, without the parser's de-duplication. */
function rawSeries(bytes: Buffer, key: string): [number, number][] {
  const all: [number, number][] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const length = Number(bytes.readBigUInt64LE(offset));
    const single = parseTfeventsFile(bytes.subarray(offset, offset + length + 16));
    all.push(...series(single.points, key));
    offset += length + 16;
  }
  return all;
}

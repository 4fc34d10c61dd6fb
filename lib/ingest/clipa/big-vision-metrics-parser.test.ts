import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricPointInput } from '../metric-point';
import { parseBigVisionMetrics } from './big-vision-metrics-parser';

const SYNTHETIC = new URL('../../../test/fixtures/openclip/', import.meta.url);
const result = parseBigVisionMetrics(readFileSync(new URL('big_vision_metrics.txt', SYNTHETIC), 'utf8'));

function stepView(points: readonly MetricPointInput[], step: number) {
  const atStep = points.filter((point) => point.step === step);
  for (const point of atStep) expect([point.samplesSeen, point.epoch, point.wallTime]).toEqual([atStep[0].samplesSeen, atStep[0].epoch, null]);
  return { samplesSeen: atStep[0]?.samplesSeen, epoch: atStep[0]?.epoch, values: Object.fromEntries(atStep.map((point) => [point.key, point.value])) };
}

describe('parseBigVisionMetrics', () => {
  it('maps the shared keys and keeps the rest under bv/', () => {
    expect(stepView(result.points, 1)).toEqual({
      samplesSeen: 32768,
      epoch: 2.56e-5,
      values: {
        'train/lr': 0,
        'train/loss': 11.09,
        'train/logit_scale': 10,
        'bv/t/parameter': 2.302585,
        'bv/nimg': 1,
        'bv/ntxt': 1,
        'bv/ncorrect': 0,
        'bv/l2_grads': 3.1,
        'bv/l2_params': 412,
        'bv/l2_updates': 0,
        'bv/uptime': 41.2,
        'bv/examples_seen': 32768,
        'bv/progress': 1.87e-5,
        'bv/epoch': 2.56e-5,
      },
    });
  });

  it('merges the eval row into the train row of the same step', () => {
    const view = stepView(result.points, 5000);
    expect([view.samplesSeen, view.epoch]).toEqual([163840000, 0.4096]);
    expect(view.values).toMatchObject({
      'train/loss': 4.215,
      'train/lr': 0.00047531,
      'train/logit_scale': 36.91,
      'train/samples_per_second_per_core': 1087.5,
      'bv/core_hours_TPU v3': 1502.1,
      'val/imagenet-zeroshot-val-top1': 0.3312,
      'bv/z/secs/eval/disclf': 95.1,
    });
    expect(Object.keys(view.values)).toHaveLength(17 + 2);
  });

  it('carries examples_seen forward to a row without it', () => {
    expect(stepView(result.points, 6000)).toEqual({ samplesSeen: 163840000, epoch: null, values: { 'val/imagenet-zeroshot-val-top1': 0.3577 } });
  });

  it('merges the final step written twice, keeps NaN and skips list values', () => {
    const view = stepView(result.points, 53405);
    expect([view.samplesSeen, view.epoch]).toEqual([1750000000, 4.375]);
    expect(view.values['train/loss']).toBeNaN();
    expect(view.values['val/imagenet-zeroshot-val-top1']).toBe(0.5712);
    expect(view.values).not.toHaveProperty('bv/nimg_shape');
  });

  it('reads warm-up rows without throughput and reports rows without an integer step', () => {
    expect(stepView(result.points, 2).values).not.toHaveProperty('train/samples_per_second_per_core');
    expect([...new Set(result.points.map((point) => point.step))]).toEqual([1, 2, 5000, 6000, 53405]);
    expect(result.rows).toBe(7);
    expect(result.unparsed).toEqual([{ line: 8, text: '{"step": "final", "training_loss": 1.0}', reason: 'row without an integer step' }]);
  });

  it('handles an eval-only run (single step 0 row) and garbage', () => {
    expect(parseBigVisionMetrics('{"step": 0, "z/0shot/imagenet2012_accuracy": 0.61}\n').points).toEqual([
      { key: 'val/imagenet-zeroshot-val-top1', step: 0, value: 0.61, epoch: null, samplesSeen: null, wallTime: null },
    ]);
    const garbage = parseBigVisionMetrics('not json\n{"step": -1}\n{"step": 1.5}\n');
    expect(garbage.points).toEqual([]);
    expect(garbage.unparsed.map((line) => line.reason)).toEqual(['not valid JSON', 'row without an integer step', 'row without an integer step']);
  });
});

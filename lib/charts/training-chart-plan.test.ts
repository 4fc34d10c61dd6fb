import { describe, expect, it } from 'vitest';
import { planTrainingCharts } from './training-chart-plan';

const OPENCLIP_KEYS = [
  'train/loss',
  'train/contrastive_loss',
  'train/lr',
  'train/logit_scale',
  'train/samples_per_second',
  'train/samples_per_second_per_gpu',
  'train/data_time',
  'train/batch_time',
  'val/imagenet-zeroshot-val-top1',
  'val/imagenet-zeroshot-val-top5',
  'val/image_to_text_R@1',
  'val/image_to_text_R@10',
  'val/image_to_text_R@5',
  'val/image_to_text_mean_rank',
  'val/clip_val_loss',
  'val/epoch',
  'val/num_samples',
];

describe('planTrainingCharts', () => {
  it('always plans the training charts and the zero-shot chart, empty when the run has no such keys', () => {
    const charts = planTrainingCharts([]);
    expect(charts.map((chart) => chart.id)).toEqual([
      'train/loss',
      'train/lr',
      'train/logit_scale',
      'train/samples_per_second',
      'train/data_time',
      'val/imagenet-zeroshot-val-top1',
    ]);
    expect(charts.every((chart) => chart.keys.length === 0)).toBe(true);
    expect(charts.find((chart) => chart.id === 'train/lr')?.expectedKey).toBe('train/lr');
  });

  it('groups OpenCLIP keys', () => {
    const byId = new Map(planTrainingCharts(OPENCLIP_KEYS).map((chart) => [chart.id, chart]));
    expect(byId.get('train/loss')?.keys).toEqual(['train/loss', 'train/contrastive_loss']);
    expect(byId.get('train/samples_per_second')?.rightAxisKeys).toEqual(['train/samples_per_second_per_gpu']);
    expect(byId.get('val/imagenet-zeroshot-val-top1')?.keys).toEqual(['val/imagenet-zeroshot-val-top1', 'val/imagenet-zeroshot-val-top5']);
    expect(byId.get('val/image_to_text_R@1')?.keys).toEqual(['val/image_to_text_R@1', 'val/image_to_text_R@5', 'val/image_to_text_R@10']);
    expect(byId.get('val/image_to_text_mean_rank')?.keys).toEqual(['val/image_to_text_mean_rank']);
    expect(byId.get('val/clip_val_loss')?.keys).toEqual(['val/clip_val_loss']);
    expect([...byId.values()].some((chart) => chart.title === 'Other eval metrics')).toBe(false);
    expect([...byId.keys()]).not.toContain('val/epoch');
    expect(byId.size).toBe(planTrainingCharts(OPENCLIP_KEYS).length);
  });

  it('gives every unclaimed key a chart, so nothing a client sends is hidden', () => {
    const charts = planTrainingCharts(['train/loss', 'train/grad_norm', 'custom/gpu_mem', 'val/custom_score']);
    const ids = charts.map((chart) => chart.id);
    expect(ids).toContain('train/grad_norm');
    expect(ids).toContain('custom/gpu_mem');
    expect(charts.find((chart) => chart.title === 'Other eval metrics')).toMatchObject({ id: 'val/custom_score', keys: ['val/custom_score'] });
  });

  it('reads the classic logit-scale name', () => {
    expect(planTrainingCharts(['train/scale']).find((chart) => chart.id === 'train/logit_scale')?.keys).toEqual(['train/scale']);
  });
});

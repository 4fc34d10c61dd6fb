import { describe, expect, it } from 'vitest';
import type { Series } from '@/lib/schemas/metrics';
import { prepareTrainingCurves } from './prepare-training-curves';

type Point = Series['points'][number];

function point(step: number, value: number | null, extra: Partial<Point> = {}): Point {
  return { step, epoch: null, samplesSeen: step * 1024, wallTime: 1_700_000_000_000 + step * 1000, value, nonFinite: null, ...extra };
}

describe('prepareTrainingCurves', () => {
  it('picks the chosen x per point and sorts by it', () => {
    const series: Series[] = [{ key: 'train/loss', points: [point(2, 6.5), point(1, 6.9)] }];
    expect(prepareTrainingCurves(series, 'step').lines[0]!.points).toEqual([
      { x: 1, y: 6.9 },
      { x: 2, y: 6.5 },
    ]);
    const bySamples = prepareTrainingCurves(series, 'samples');
    expect(bySamples.lines[0]!.points.map((p) => p.x)).toEqual([1024, 2048]);
    expect(bySamples.xFormat).toBe('count');
    expect(bySamples.xDomain).toEqual([1024, 2048]);
  });

  it('drops points without the chosen x and says why when none is left', () => {
    const series: Series[] = [{ key: 'train/lr', points: [point(1, 1e-4), point(2, 2e-4, { epoch: 0.5 })] }];
    const byEpoch = prepareTrainingCurves(series, 'epoch');
    expect(byEpoch.missingXCount).toBe(1);
    expect(byEpoch.lines[0]!.points).toEqual([{ x: 0.5, y: 2e-4 }]);

    const noEpochs: Series[] = [{ key: 'train/lr', points: [point(1, 1e-4)] }];
    const empty = prepareTrainingCurves(noEpochs, 'epoch');
    expect(empty.lines).toEqual([]);
    expect(empty.emptyReason).toMatch(/no epoch value/);
  });

  it('keeps non-finite values as gaps (null, never zero) and counts them', () => {
    const series: Series[] = [
      {
        key: 'train/loss',
        points: [point(1, 6.9), point(2, null, { nonFinite: 'nan' }), point(3, null, { nonFinite: 'inf' }), point(4, 6.1)],
      },
    ];
    const chart = prepareTrainingCurves(series, 'step');
    expect(chart.lines[0]!.points.map((p) => p.y)).toEqual([6.9, null, null, 6.1]);
    expect(chart.nonFiniteCount).toBe(2);
    expect(chart.lines[0]!.nonFiniteCount).toBe(2);
    expect(chart.nonFiniteSpans).toEqual([{ from: 2, to: 3 }]);
    expect(chart.emptyReason).toBeNull();
  });

  it('merges non-finite spans across lines', () => {
    const series: Series[] = [
      { key: 'train/loss', points: [point(1, null, { nonFinite: 'nan' }), point(2, null), point(3, 1), point(9, null)] },
      { key: 'train/contrastive_loss', points: [point(1, 1), point(2, null), point(3, null), point(4, 1)] },
    ];
    expect(prepareTrainingCurves(series, 'step').nonFiniteSpans).toEqual([
      { from: 1, to: 3 },
      { from: 9, to: 9 },
    ]);
  });

  it('says so when every value is non-finite', () => {
    const series: Series[] = [{ key: 'train/loss', points: [point(1, null, { nonFinite: 'nan' })] }];
    expect(prepareTrainingCurves(series, 'step').emptyReason).toBe('All 1 train/loss values are non-finite (NaN/inf)');
  });

  it('names the expected key when there is no data', () => {
    expect(prepareTrainingCurves([], 'step', { expectedKey: 'train/lr' }).emptyReason).toBe('No train/lr points yet');
    expect(prepareTrainingCurves([{ key: 'train/lr', points: [] }], 'step').emptyReason).toBe('No train/lr points yet');
  });

  it('shows accuracy fractions as percent without float noise', () => {
    const series: Series[] = [
      { key: 'val/imagenet-zeroshot-val-top1', points: [point(100, 0.632, { epoch: 1 }), point(200, 0.8309, { epoch: 2 })] },
    ];
    const chart = prepareTrainingCurves(series, 'epoch');
    expect(chart.lines[0]!.points.map((p) => p.y)).toEqual([63.2, 83.09]);
    expect(chart.yFormat).toBe('percent');
    expect(chart.lines[0]!.showDots).toBe(true);
    expect(chart.lines[0]!.label).toBe('imagenet-zeroshot-val-top1');
  });

  it('leaves losses unscaled and puts right-axis keys on the right', () => {
    const series: Series[] = [
      { key: 'train/samples_per_second', points: [point(1, 8000)] },
      { key: 'train/samples_per_second_per_gpu', points: [point(1, 1000)] },
    ];
    const chart = prepareTrainingCurves(series, 'step', { rightAxisKeys: ['train/samples_per_second_per_gpu'] });
    expect(chart.lines.map((line) => line.axis)).toEqual(['left', 'right']);
    expect(chart.yFormat).toBe('number');
    expect(chart.rightYFormat).toBe('number');
    expect(new Set(chart.lines.map((line) => line.color)).size).toBe(2);
  });

  it('moves right-axis lines to the left when nothing else is drawn', () => {
    const series: Series[] = [
      { key: 'train/samples_per_second', points: [] },
      { key: 'train/samples_per_second_per_gpu', points: [point(1, 1000)] },
    ];
    const chart = prepareTrainingCurves(series, 'step', { rightAxisKeys: ['train/samples_per_second_per_gpu'] });
    expect(chart.lines.map((line) => line.axis)).toEqual(['left']);
    expect(chart.rightYFormat).toBeNull();
  });

  it('uses wall time in milliseconds for the time axis', () => {
    const chart = prepareTrainingCurves([{ key: 'train/loss', points: [point(1, 6.9, { wallTime: 5 }), point(2, 6.8, { wallTime: null })] }], 'time');
    expect(chart.lines[0]!.points).toEqual([{ x: 5, y: 6.9 }]);
    expect(chart.xFormat).toBe('time');
    expect(chart.missingXCount).toBe(1);
  });
});

describe('prepareTrainingCurves x ticks', () => {
  it('labels round x values inside the data range', () => {
    const points = Array.from({ length: 1800 }, (_, index) => point(index + 1, 1));
    const chart = prepareTrainingCurves([{ key: 'train/loss', points }], 'step');
    expect(chart.xTicks).toEqual([500, 1000, 1500]);
  });
});

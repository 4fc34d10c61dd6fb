import { describe, expect, it } from 'vitest';
import type { Series } from '@/lib/schemas/metrics';
import { compareRunColor, maxPointsForWidth, mergeZoomedSeries, prepareCompareChart, stepRangeForZoom } from './compare-curves';
import { DEFAULT_CHART_CONTROLS } from './prepare-training-curves';

type Point = Series['points'][number];
const point = (step: number, value: number | null): Point => ({
  step, epoch: step / 100, samplesSeen: step * 512, wallTime: 1_700_000_000_000 + step * 60_000, value, nonFinite: null,
});
const runs = [
  { key: 'a', label: 'run a', color: compareRunColor(0), context: { wallTimeOrigin: 1_700_000_000_000, gflopsPerSample: 10 } },
  { key: 'b', label: 'run b', color: compareRunColor(1), context: { wallTimeOrigin: null, gflopsPerSample: null } },
];
const series = new Map<string, Series>([
  ['a', { key: 'train/loss', points: [point(0, 9), point(10, 5), point(20, 3), point(30, 2)] }],
  ['b', { key: 'train/loss', points: [point(0, 8), point(10, 6), point(20, 4)] }],
]);

describe('prepareCompareChart', () => {
  it('draws one line per run in its selection colour', () => {
    const chart = prepareCompareChart('train/loss', runs, series, DEFAULT_CHART_CONTROLS);
    expect(chart.lines.map((line) => [line.key, line.label, line.color])).toEqual([
      ['a', 'run a', compareRunColor(0)],
      ['b', 'run b', compareRunColor(1)],
    ]);
    expect(compareRunColor(0)).not.toBe(compareRunColor(10));
  });

  it('uses relative time in hours and compute as samples × GFLOPs per sample; runs lacking them are counted', () => {
    const relative = prepareCompareChart('train/loss', runs, series, { ...DEFAULT_CHART_CONTROLS, xAxis: 'relative' });
    expect(relative.lines.map((line) => line.key)).toEqual(['a']);
    expect(relative.lines[0]!.points.map((p) => p.x)).toEqual([0, 10 / 60, 20 / 60, 30 / 60]);
    expect(relative.missingXCount).toBe(3);
    const compute = prepareCompareChart('train/loss', runs, series, { ...DEFAULT_CHART_CONTROLS, xAxis: 'compute' });
    expect(compute.lines[0]!.points.map((p) => p.x)).toEqual([0, 51_200, 102_400, 153_600]);
    expect(compute.xFormat).toBe('scientific');
  });

  it('smooths with the raw points kept, drops x ≤ 0 on a log x-axis with a note, and zooms', () => {
    const chart = prepareCompareChart('train/loss', runs, series, { ...DEFAULT_CHART_CONTROLS, smoothing: 0.5, xLog: true, zoom: { from: 10, to: 15 } });
    const line = chart.lines[0]!;
    expect(line.rawPoints!.map((p) => p.y)).toEqual([5, 3]);
    expect(line.points[0]!.y).toBe(5);
    expect(line.points[1]!.y).toBeCloseTo((0.25 * 5 + 0.5 * 3) / 0.75, 12);
    expect(chart.xDomain).toEqual([10, 15]);
    expect(chart.xScale).toBe('log');
    expect(chart.controlNotes).toContain('2 points at x ≤ 0 left out of the log x-axis');
  });

  it('says why a zoomed range is empty', () => {
    const chart = prepareCompareChart('train/loss', runs, series, { ...DEFAULT_CHART_CONTROLS, zoom: { from: 1000, to: 2000 } });
    expect(chart.emptyReason).toMatch(/zoomed range/);
  });
});

describe('stepRangeForZoom', () => {
  const points = series.get('a')!.points;
  it('is the zoom itself on the step axis, widened to whole steps', () => {
    expect(stepRangeForZoom(points, 'step', null, { from: 10.4, to: 19.2 })).toEqual({ from: 10, to: 20 });
    expect(stepRangeForZoom(points, 'step', null, null)).toBeNull();
  });

  it('maps other axes through the overview points, one point beyond each edge', () => {
    expect(stepRangeForZoom(points, 'samples', null, { from: 6_000, to: 11_000 })).toEqual({ from: 10, to: 30 });
    expect(stepRangeForZoom(points, 'samples', null, { from: 5_120, to: 5_120 })).toEqual({ from: 0, to: 20 });
  });
});

describe('maxPointsForWidth', () => {
  it('asks for at least one point per pixel, in steps of 1,000, so narrow charts share one request size', () => {
    expect(maxPointsForWidth(640)).toBe(1000);
    expect(maxPointsForWidth(0)).toBe(1000);
    expect(maxPointsForWidth(50)).toBe(1000);
    expect(maxPointsForWidth(1001)).toBe(2000);
    expect(maxPointsForWidth(9000)).toBe(4000);
  });
});

describe('mergeZoomedSeries', () => {
  it('joins the zoomed points to the overview points outside the range', () => {
    const overview: Series = { key: 'val/x', points: [point(0, 1), point(100, 2), point(200, 3)] };
    const zoomed: Series = { key: 'val/x', points: [point(100, 2), point(150, 2.5)] };
    expect(mergeZoomedSeries(overview, zoomed, { from: 50, to: 160 })!.points.map((p) => p.step)).toEqual([0, 100, 150, 200]);
    expect(mergeZoomedSeries(overview, undefined, { from: 50, to: 160 })).toBe(overview);
  });
});

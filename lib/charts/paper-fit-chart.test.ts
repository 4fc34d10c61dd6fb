import { describe, expect, it } from 'vitest';
import type { PaperChartScalingLaw } from '@/lib/schemas/paper-charts';
import { pickDefaultFitTarget, preparePaperFitChart, type FitChartOptions } from './paper-fit-chart';
import { chartData, paperPoint, runPoint } from './paper-chart-test-helpers';
import type { BandSeries, LineSeries, ScatterSeries } from './paper-scatter-model';
import { lawCoefficientPerTrainingGflop, predictLawErrorAtTrainingGflops } from './scaling-fit-law';

/** E = 2·C^−0.1 with C in training GFLOPs, with a little scatter so the band has a width. */
const accuracyAt = (compute: number, wobble = 1) => 100 * (1 - 2 * compute ** -0.1 * wobble);
const LAW: PaperChartScalingLaw = { modelFamily: 'OpenCLIP', task: 'ImageNet-1k zero-shot classification', formula: 'E = A * C^alpha', a: 5.86, alpha: -0.11, computeUnit: 'GMAC (1 MAC ~ 2 FLOPs)', source: 'LAION-AI/scaling-laws-openclip@652b1e7' };

const data = chartData({
  paperPoints: [
    paperPoint('p1', { trainingGflops: 1e11, value: accuracyAt(1e11, 1.01) }),
    paperPoint('p2', { trainingGflops: 1e12, value: accuracyAt(1e12, 0.99) }),
    paperPoint('p3', { trainingGflops: 1e13, value: accuracyAt(1e13, 1.005) }),
    paperPoint('p4', { trainingGflops: 3e13, value: accuracyAt(3e13, 0.995) }),
    paperPoint('budget', { trainingGflops: 1e14, value: 92 }),
    paperPoint('no-compute', { trainingGflops: null, computeNote: 'samples_seen is not given' }),
  ],
  runPoints: [runPoint('a', { trainingGflops: 1e11 }), runPoint('b', { trainingGflops: 2e11, value: 76 })],
  scalingLaws: [LAW],
});
const options: FitChartOptions = { pointSet: 'paper', selectedRunKeys: null, targetResultKey: 'budget', fitFloor: false, xScale: 'log', yScale: 'log' };
const byId = <T>(chart: ReturnType<typeof preparePaperFitChart>, id: string) => chart.series.find((entry) => entry.id === id) as T;

describe('preparePaperFitChart', () => {
  it('fits E = a·C^b in log space to the chosen point set and lists the points it cannot use', () => {
    const chart = preparePaperFitChart(data, { ...options, targetResultKey: null });
    expect(chart.emptyReason).toBeNull();
    expect(chart.fit!.b).toBeCloseTo(-0.1, 2);
    expect(chart.fit!.n).toBe(5);
    expect(chart.fit!.pointSetLabel).toBe('CLIPA-v2 (reported)');
    expect(chart.fit!.equation).toMatch(/^E = .*·C\^-0\.\d+ \(C in training GFLOPs; n = 5/);
    expect(chart.notPlotted).toEqual([{ name: 'H/14 · DataComp-1B · no-compute', source: 'CLIPA-v2', reason: 'no training compute: samples_seen is not given' }]);
    const paper = byId<ScatterSeries>(chart, 'paper');
    expect(paper).toMatchObject({ className: 'paper-points', shape: 'diamond' });
    expect(paper.points[0]!.y).toBeCloseTo(1 - accuracyAt(1e11, 1.01) / 100, 12);
    expect(chart.x.label).toBe('Total training compute C (training GFLOPs (fwd+bwd, 2 FLOPs per MAC))');
    expect(chart.y).toMatchObject({ label: 'Top-1 error E = 1 − acc/100 (fraction)', scale: 'log' });
  });

  it('samples the confidence band through the target budget and compares predicted with reported there', () => {
    const chart = preparePaperFitChart(data, options);
    const band = byId<BandSeries>(chart, 'band');
    expect(band.points.some((point) => point.x === 1e14)).toBe(true);
    expect(band.points.every((point) => point.lower < point.upper)).toBe(true);
    expect(chart.fit!.n).toBe(4); // the target result is held out of a fit to the paper's points
    const comparison = chart.comparison!;
    expect(comparison.target.resultKey).toBe('budget');
    expect(comparison.reportedAccuracy).toBe(92);
    expect(comparison.predictedAccuracy).toBeCloseTo(100 * (1 - 2 * 1e14 ** -0.1), 0);
    expect(comparison.lowerAccuracy).toBeLessThan(comparison.predictedAccuracy);
    expect(comparison.upperAccuracy).toBeGreaterThan(comparison.predictedAccuracy);
    expect(comparison.differencePp).toBeCloseTo(92 - comparison.predictedAccuracy, 10);
    expect(comparison.extrapolationFactor).toBeCloseTo(1e14 / 3e13, 10);
    expect(byId<ScatterSeries>(chart, 'target').points[0]).toMatchObject({ x: 1e14, y: 1 - 0.92 });
    expect(byId<ScatterSeries>(chart, 'prediction').points[0]!.x).toBe(1e14);
  });

  it("overlays OpenCLIP's published law converted from GMACs to training GFLOPs", () => {
    const chart = preparePaperFitChart(data, options);
    const law = byId<LineSeries>(chart, 'law');
    expect(law.className).toBe('law-line');
    for (const point of law.points) expect(point.y).toBeCloseTo(5.86 * (point.x / 6) ** -0.11, 12);
    expect(predictLawErrorAtTrainingGflops(LAW, 6e12)).toBeCloseTo(5.86 * 1e12 ** -0.11, 12);
    expect(lawCoefficientPerTrainingGflop(LAW)).toBeCloseTo(5.86 * 6 ** 0.11, 12);
    expect(chart.comparison!.lawAccuracy).toBeCloseTo(100 * (1 - 5.86 * (1e14 / 6) ** -0.11), 10);
    expect(chart.lawLabel).toMatch(/^OpenCLIP: E = 5\.86·C\^-0\.11 with C in GMAC/);
  });

  it('gives a message instead of a chart with fewer than 3 points (4 with a fitted floor)', () => {
    const runs = preparePaperFitChart(data, { ...options, pointSet: 'runs' });
    expect(runs.series).toEqual([]);
    expect(runs.fit).toBeNull();
    expect(runs.emptyReason).toBe("A power-law fit needs at least 3 points with compute and a value; the lab's runs have 2.");
    const floored = preparePaperFitChart(chartData({ paperPoints: data.paperPoints.slice(0, 3) }), { ...options, fitFloor: true });
    expect(floored.emptyReason).toMatch(/with a floor needs at least 4 points/);
  });

  it('explains a fit that cannot be made (all points at one compute)', () => {
    const same = chartData({ paperPoints: [1, 2, 3].map((index) => paperPoint(`s${index}`, { trainingGflops: 1e12, value: 70 + index })) });
    expect(preparePaperFitChart(same, options).emptyReason).toMatch(/^Cannot fit CLIPA-v2 \(reported\): the points need at least two different compute values/);
  });

  it("targets a linked result first, else the paper's best point with compute", () => {
    expect(pickDefaultFitTarget(data)).toBe('budget');
    expect(pickDefaultFitTarget({ ...data, links: [{ runKey: 'a', resultKey: 'p2' }] })).toBe('p2');
    expect(pickDefaultFitTarget(chartData())).toBeNull();
  });
});

/**
 * The fit against points generated from known coefficients, and against the OpenCLIP fits published in
 * scaling_laws.csv. The published fits cannot be re-run on their own data: LAION's zeroshot_results.csv
 * is not shipped in reference/, so we can only check that the fit recovers the printed coefficients from
 * points generated with them and that our prediction agrees with the reference parser's `predictError`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScalingLaws } from '@/lib/reference/load-reference';
import { predictError } from '@/lib/reference/scaling-laws';
import { computeConfidenceBand, fitPowerLaw, predictPowerLaw, type PowerLawPoint } from './power-law-fit';
import { createSeededNormal } from './seeded-random';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const laws = loadScalingLaws(ROOT);
const imagenet = laws.find((law) => law.modelFamily === 'OpenCLIP' && law.task.startsWith('ImageNet-1k'));
if (!imagenet) throw new Error('scaling_laws.csv has no OpenCLIP ImageNet fit');

/** Log-spaced compute from 1e10 to 1e13 GMACs, roughly the span of the OpenCLIP models in the fit. */
function spanCompute(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 1e10 * 1e3 ** (i / (count - 1)));
}

function generatePoints(a: number, b: number, computes: readonly number[], options: { sigma?: number; floor?: number; seed?: number } = {}): PowerLawPoint[] {
  const normal = createSeededNormal(options.seed ?? 1);
  return computes.map((compute) => ({ compute, error: (options.floor ?? 0) + a * compute ** b * Math.exp((options.sigma ?? 0) * normal()) }));
}

describe('fitPowerLaw on synthetic points', () => {
  it('recovers the coefficients exactly from noise-free points', () => {
    const fit = fitPowerLaw(generatePoints(imagenet.a, imagenet.alpha, spanCompute(12)));
    expect(fit.a / imagenet.a).toBeCloseTo(1, 9);
    expect(fit.b).toBeCloseTo(imagenet.alpha, 10);
    expect(fit.rSquared).toBeCloseTo(1, 12);
    expect(fit.residualStandardError).toBeLessThan(1e-9);
    expect(fit).toMatchObject({ n: 12, dof: 10, floor: 0, floorFitted: false });
  });

  it('recovers them within 3 standard errors from seeded noisy points, with s near the true noise', () => {
    const sigma = 0.03;
    for (const seed of [1, 2, 3]) {
      const fit = fitPowerLaw(generatePoints(imagenet.a, imagenet.alpha, spanCompute(25), { sigma, seed }));
      expect(Math.abs(fit.b - imagenet.alpha)).toBeLessThan(3 * Math.sqrt(fit.covariance.b));
      expect(Math.abs(fit.logA - Math.log(imagenet.a))).toBeLessThan(3 * Math.sqrt(fit.covariance.logA));
      expect(fit.residualStandardError / sigma).toBeGreaterThan(0.6);
      expect(fit.residualStandardError / sigma).toBeLessThan(1.4);
      // ln a and b are strongly anti-correlated when ln C is far from 0.
      expect(fit.covariance.logAB).toBeLessThan(0);
    }
  });

  it('covers the true curve at about the nominal 95% in a seeded simulation, inside and beyond the data', () => {
    const normal = createSeededNormal(2024);
    const computes = spanCompute(8);
    const targets = [3e11, 1e14];
    const hits = targets.map(() => 0);
    const runs = 2000;
    for (let run = 0; run < runs; run += 1) {
      const points = computes.map((compute) => ({ compute, error: imagenet.a * compute ** imagenet.alpha * Math.exp(0.05 * normal()) }));
      const fit = fitPowerLaw(points);
      targets.forEach((target, index) => {
        const band = computeConfidenceBand(fit, target, 0.95);
        const truth = imagenet.a * target ** imagenet.alpha;
        if (truth >= band.lower && truth <= band.upper) hits[index] += 1;
      });
    }
    const coverage = hits.map((hit) => hit / runs);
    console.log(`95% band coverage over ${runs} seeded fits of 8 points: ${coverage.map((value, i) => `C=${targets[i].toExponential(0)} → ${(value * 100).toFixed(1)}%`).join(', ')}`);
    // Binomial standard error at 2000 runs is 0.5 points; allow 4 of them.
    for (const value of coverage) expect(Math.abs(value - 0.95)).toBeLessThan(0.02);
  });

  it('uses a given floor and can fit one', () => {
    const floor = 0.15;
    const points = generatePoints(5, -0.2, spanCompute(15).map((compute) => compute / 100), { floor });
    const given = fitPowerLaw(points, { floor });
    expect(given.a).toBeCloseTo(5, 8);
    expect(given.b).toBeCloseTo(-0.2, 10);
    const fitted = fitPowerLaw(points, { floor: 'fit' });
    expect(fitted.floorFitted).toBe(true);
    expect(fitted.dof).toBe(12);
    expect(fitted.floor).toBeCloseTo(floor, 4);
    expect(fitted.b).toBeCloseTo(-0.2, 2);
    for (const point of points) expect(predictPowerLaw(fitted, point.compute) / point.error).toBeCloseTo(1, 5);
  });

  it('keeps the band above the floor and around the estimate', () => {
    const fit = fitPowerLaw(generatePoints(2, -0.1, spanCompute(6), { sigma: 0.05, floor: 0.1 }), { floor: 0.1 });
    const band = computeConfidenceBand(fit, 1e15);
    expect(band.lower).toBeGreaterThan(0.1);
    expect(band.lower).toBeLessThan(band.estimate);
    expect(band.upper).toBeGreaterThan(band.estimate);
  });

  it('rejects inputs it cannot fit', () => {
    expect(() => fitPowerLaw(generatePoints(1, -0.1, [1, 2]))).toThrow(/at least 3/);
    expect(() => fitPowerLaw([{ compute: 0, error: 0.5 }, ...generatePoints(1, -0.1, [1, 2])])).toThrow(/positive/);
    expect(() => fitPowerLaw(generatePoints(1, -0.1, [1, 2, 3]), { floor: 2 })).toThrow(/floor/);
    expect(() => fitPowerLaw(generatePoints(1, -0.1, [5, 5, 5]))).toThrow(/different compute/);
    expect(() => fitPowerLaw(generatePoints(1, -0.1, [1, 2, 3]), { floor: 'fit' })).toThrow(/4 points/);
  });
});

describe('fitPowerLaw against the fits published in scaling_laws.csv', () => {
  it.each(laws.map((law) => [`${law.modelFamily}: ${law.task}`, law] as const))('recovers A and alpha of %s from points generated with them', (_, law) => {
    for (const [a, alpha] of [[law.a, law.alpha], [law.aRefit ?? law.a, law.alphaRefit ?? law.alpha]]) {
      const fit = fitPowerLaw(generatePoints(a, alpha, spanCompute(10)));
      expect(fit.a / a).toBeCloseTo(1, 9);
      expect(fit.b).toBeCloseTo(alpha, 10);
    }
  });

  it('predicts what the reference parser predictError predicts for the same coefficients (C in GMACs)', () => {
    for (const law of laws) {
      const fit = fitPowerLaw(generatePoints(law.a, law.alpha, spanCompute(10)));
      for (const compute of [1e9, 2.4e11, 6.6e12, 1e14]) {
        expect(predictPowerLaw(fit, compute) / predictError(law, compute)).toBeCloseTo(1, 9);
        expect(predictPowerLaw({ a: law.a, b: law.alpha, floor: 0 }, compute)).toBe(predictError(law, compute));
      }
    }
  });
});

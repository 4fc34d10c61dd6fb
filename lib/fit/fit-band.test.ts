import { describe, expect, it } from 'vitest';
import { sampleFitBand } from './fit-band';
import { computeConfidenceBand, fitPowerLaw } from './power-law-fit';
import { createSeededNormal } from './seeded-random';

const normal = createSeededNormal(7);
const points = [1e10, 3e10, 1e11, 3e11, 1e12].map((compute) => ({ compute, error: 5.86 * compute ** -0.11 * Math.exp(0.02 * normal()) }));
const fit = fitPowerLaw(points);

describe('sampleFitBand', () => {
  it('samples the fitted range log-uniformly by default', () => {
    const band = sampleFitBand(fit, { count: 5 });
    expect(band.map((point) => point.compute)).toHaveLength(5);
    expect(band[0].compute).toBe(1e10);
    expect(band[4].compute).toBe(1e12);
    expect(band[2].compute).toBeCloseTo(1e11, -3);
    expect(band.every((point) => !point.extrapolated)).toBe(true);
  });

  it('extends to a target budget, inserts it exactly and flags extrapolation', () => {
    const target = 4.2e13;
    const band = sampleFitBand(fit, { count: 10, targets: [target] });
    expect(band.at(-1)?.compute).toBe(target);
    expect(band.filter((point) => point.compute === target)).toHaveLength(1);
    expect(band.filter((point) => point.extrapolated).every((point) => point.compute > 1e12)).toBe(true);
    expect(band.at(-1)).toMatchObject({ extrapolated: true, ...computeConfidenceBand(fit, target) });
  });

  it('widens the band away from the data', () => {
    const band = sampleFitBand(fit, { from: 1e8, to: 1e16, count: 17 });
    const width = (index: number) => Math.log(band[index].upper / band[index].lower);
    const centre = band.reduce((best, point, index) => (Math.abs(Math.log(point.compute / 1e11)) < Math.abs(Math.log(band[best].compute / 1e11)) ? index : best), 0);
    expect(width(0)).toBeGreaterThan(width(centre));
    expect(width(16)).toBeGreaterThan(width(centre));
    expect(band.every((point) => point.lower < point.estimate && point.estimate < point.upper)).toBe(true);
  });

  it('rejects an impossible range', () => {
    expect(() => sampleFitBand(fit, { from: 0 })).toThrow(RangeError);
    expect(() => sampleFitBand(fit, { from: 10, to: 1 })).toThrow(RangeError);
    expect(() => sampleFitBand(fit, { count: 1 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { computeStudentTQuantile, computeLogGamma, computeRegularizedIncompleteBeta, computeStudentTCdf } from './student-t';

describe('Student t', () => {
  // Two-sided critical values from any t table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  it.each([
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 3, 3.182],
    [0.975, 5, 2.571],
    [0.975, 10, 2.228],
    [0.975, 20, 2.086],
    [0.975, 30, 2.042],
    [0.975, 100, 1.984],
    [0.95, 1, 6.314],
    [0.95, 10, 1.812],
    [0.995, 5, 4.032],
  ])('quantile %f with %i dof is %f', (p, dof, expected) => {
    expect(computeStudentTQuantile(p, dof)).toBeCloseTo(expected, 3);
  });

  it('tends to the normal quantile for many degrees of freedom', () => {
    expect(computeStudentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('is symmetric and inverts its CDF', () => {
    expect(computeStudentTCdf(0, 4)).toBeCloseTo(0.5, 12);
    expect(computeStudentTQuantile(0.025, 7)).toBeCloseTo(-computeStudentTQuantile(0.975, 7), 10);
    for (const dof of [1, 2.5, 8, 40]) {
      for (const p of [0.6, 0.9, 0.99]) expect(computeStudentTCdf(computeStudentTQuantile(p, dof), dof)).toBeCloseTo(p, 9);
    }
    // dof = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.
    expect(computeStudentTCdf(2, 1)).toBeCloseTo(0.5 + Math.atan(2) / Math.PI, 12);
  });

  it('builds on exact special functions', () => {
    expect(computeLogGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(computeLogGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // I_x(1, 1) = x and I_x(a, 1) = x^a.
    expect(computeRegularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(computeRegularizedIncompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 12);
  });

  it('rejects invalid arguments', () => {
    expect(() => computeStudentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => computeStudentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});

/**
 * Student-t distribution function and quantile, for confidence bands with few points (a scaling-law fit
 * often has 3–10). Pure TypeScript, no dependencies: the CDF comes from the regularized incomplete beta
 * function (continued fraction, modified Lentz), the quantile from bisection on the CDF, which is slow
 * but cannot fail to converge and is accurate to ~1e-10 — far below what a chart band needs.
 */

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function computeLogGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - computeLogGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i += 1) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularized incomplete beta I_x(a, b). */
export function computeRegularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(computeLogGamma(a + b) - computeLogGamma(a) - computeLogGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast only below the mean; use the symmetry relation above it.
  if (x > (a + 1) / (a + b + 2)) return 1 - computeRegularizedIncompleteBeta(1 - x, b, a);
  return (front * evaluateBetaContinuedFraction(x, a, b)) / a;
}

function evaluateBetaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let result = d;
  for (let m = 1; m <= 500; m += 1) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / (Math.abs(1 + even * d) < tiny ? tiny : 1 + even * d);
    c = Math.abs(1 + even / c) < tiny ? tiny : 1 + even / c;
    result *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / (Math.abs(1 + odd * d) < tiny ? tiny : 1 + odd * d);
    c = Math.abs(1 + odd / c) < tiny ? tiny : 1 + odd / c;
    const delta = d * c;
    result *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return result;
}

/** P(T ≤ t) for Student's t with `dof` degrees of freedom. */
export function computeStudentTCdf(t: number, dof: number): number {
  assertDof(dof);
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const tail = 0.5 * computeRegularizedIncompleteBeta(dof / (dof + t * t), dof / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p, e.g. `computeStudentTQuantile(0.975, n - 2)` for a two-sided 95% band. */
export function computeStudentTQuantile(p: number, dof: number): number {
  assertDof(dof);
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1), got ${p}`);
  if (p < 0.5) return -computeStudentTQuantile(1 - p, dof);
  let low = 0;
  let high = 1;
  while (computeStudentTCdf(high, dof) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i += 1) {
    const middle = (low + high) / 2;
    if (computeStudentTCdf(middle, dof) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function assertDof(dof: number): void {
  if (!(dof > 0)) throw new RangeError(`degrees of freedom must be positive, got ${dof}`);
}

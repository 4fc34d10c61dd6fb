/**
 * Fits error = a · C^b (+ floor) by ordinary least squares in log space: ln(E − floor) = ln a + b · ln C.
 *
 * Why log space: scaling-law errors shrink multiplicatively with compute, so residuals are roughly
 * constant in ln E, and the fit is the one LAION's scaling-laws repo uses (a straight line on log–log
 * axes; natural vs base-10 logs give the same a and b). Uncertainty: the covariance of (ln a, b) and the
 * confidence band for the *mean* prediction at C, ŷ ± t(1 − α/2, n − k) · s · √(1/n + (x − x̄)²/Sxx) with
 * x = ln C, mapped back through exp — so the band is asymmetric in E and never crosses the floor.
 *
 * Floor: a given floor is subtracted before fitting (k = 2 parameters). `floor: 'fit'` picks the floor in
 * [0, min E) that minimises Σ (ln E − ln(floor + a·C^b))² — the error of the fitted curve on the fixed
 * ln E scale, so floors are compared fairly — by a 400-point grid and a golden-section refinement; it then
 * counts as a third parameter (k = 3), but the band treats it as known and so is somewhat too narrow.
 */
import { computeStudentTQuantile } from './student-t';

export interface PowerLawPoint {
  /** Training compute, in whatever unit the caller fixes (scaling-law fits use GMACs). */
  compute: number;
  /** Error as a fraction or percent; the unit is the caller's. */
  error: number;
}

export interface PowerLawFitOptions {
  /** A known floor, or 'fit' to search for one; default 0 (a pure power law). */
  floor?: number | 'fit';
}

export interface PowerLawFit {
  a: number;
  b: number;
  logA: number;
  floor: number;
  floorFitted: boolean;
  n: number;
  /** n − fitted parameters (2, or 3 with a fitted floor). */
  dof: number;
  /** s = √(SSE / dof) of ln(E − floor). */
  residualStandardError: number;
  /** Covariance of the estimates of (ln a, b). */
  covariance: { logA: number; logAB: number; b: number };
  /** R² in log space. */
  rSquared: number;
  /** Mean and spread of ln C, kept for the band. */
  meanLogCompute: number;
  sxx: number;
  computeRange: readonly [number, number];
}

export interface ConfidenceInterval {
  estimate: number;
  lower: number;
  upper: number;
}

export function fitPowerLaw(points: readonly PowerLawPoint[], options: PowerLawFitOptions = {}): PowerLawFit {
  for (const point of points) {
    if (!(point.compute > 0) || !Number.isFinite(point.compute)) throw new RangeError(`compute must be positive and finite, got ${point.compute}`);
    if (!Number.isFinite(point.error)) throw new RangeError(`error must be finite, got ${point.error}`);
  }
  const minError = Math.min(...points.map((point) => point.error));
  if (options.floor === 'fit') {
    if (points.length < 4) throw new RangeError(`fitting a floor needs at least 4 points, got ${points.length}`);
    if (!(minError > 0)) throw new RangeError('fitting a floor needs every error > 0');
    return fitWithFloor(points, searchFloor(points, minError), true);
  }
  const floor = options.floor ?? 0;
  if (points.length < 3) throw new RangeError(`a power-law fit with a confidence band needs at least 3 points, got ${points.length}`);
  if (!(minError > floor)) throw new RangeError(`every error must exceed the floor ${floor}`);
  return fitWithFloor(points, floor, false);
}

export function predictPowerLaw(fit: Pick<PowerLawFit, 'a' | 'b' | 'floor'>, compute: number): number {
  return fit.floor + fit.a * compute ** fit.b;
}

/** Confidence interval of the mean prediction at `compute` (see the module comment). */
export function computeConfidenceBand(fit: PowerLawFit, compute: number, level = 0.95): ConfidenceInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
  const x = Math.log(compute);
  const mean = fit.logA + fit.b * x;
  const standardError = fit.residualStandardError * Math.sqrt(1 / fit.n + (x - fit.meanLogCompute) ** 2 / fit.sxx);
  const half = computeStudentTQuantile(1 - (1 - level) / 2, fit.dof) * standardError;
  return { estimate: fit.floor + Math.exp(mean), lower: fit.floor + Math.exp(mean - half), upper: fit.floor + Math.exp(mean + half) };
}

function fitWithFloor(points: readonly PowerLawPoint[], floor: number, floorFitted: boolean): PowerLawFit {
  const n = points.length;
  const xs = points.map((point) => Math.log(point.compute));
  const ys = points.map((point) => Math.log(point.error - floor));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  if (!(sxx > 0)) throw new RangeError('the points need at least two different compute values');
  const sxy = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i] - meanY), 0);
  const syy = ys.reduce((sum, y) => sum + (y - meanY) ** 2, 0);
  const b = sxy / sxx;
  const logA = meanY - b * meanX;
  const sse = xs.reduce((sum, x, i) => sum + (ys[i] - logA - b * x) ** 2, 0);
  const dof = n - (floorFitted ? 3 : 2);
  const variance = sse / dof;
  return {
    a: Math.exp(logA),
    b,
    logA,
    floor,
    floorFitted,
    n,
    dof,
    residualStandardError: Math.sqrt(variance),
    covariance: { logA: variance * (1 / n + meanX ** 2 / sxx), logAB: (-meanX * variance) / sxx, b: variance / sxx },
    rSquared: syy > 0 ? 1 - sse / syy : 1,
    meanLogCompute: meanX,
    sxx,
    computeRange: [Math.min(...points.map((point) => point.compute)), Math.max(...points.map((point) => point.compute))],
  };
}

/** Σ (ln E − ln(floor + a·C^b))² of the OLS fit at this floor. */
function measureLogError(points: readonly PowerLawPoint[], floor: number): number {
  const fit = fitWithFloor(points, floor, true);
  return points.reduce((sum, point) => sum + (Math.log(point.error) - Math.log(predictPowerLaw(fit, point.compute))) ** 2, 0);
}

function searchFloor(points: readonly PowerLawPoint[], minError: number): number {
  const upper = minError * (1 - 1e-9);
  const steps = 400;
  const grid = Array.from({ length: steps }, (_, i) => (upper * i) / steps);
  const costs = grid.map((floor) => measureLogError(points, floor));
  const best = costs.indexOf(Math.min(...costs));
  let low = grid[Math.max(0, best - 1)];
  let high = best + 1 < steps ? grid[best + 1] : upper;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80; i += 1) {
    const left = high - ratio * (high - low);
    const right = low + ratio * (high - low);
    if (measureLogError(points, left) <= measureLogError(points, right)) high = right;
    else low = left;
  }
  return (low + high) / 2;
}

/**
 * Predicted vs reported error at a paper's compute budget. The caller converts the budget to the fit's
 * compute unit first (lib/compute/units.ts: `trainingGflopsToScalingLawCompute` for the OpenCLIP laws,
 * which use GMACs); this module only compares, and says how far beyond the fitted range it extrapolates.
 */
import { computeConfidenceBand, type PowerLawFit } from './power-law-fit';

export interface BudgetComparison {
  compute: number;
  predicted: number;
  lower: number;
  upper: number;
  reported: number;
  /** reported − predicted, in the error's unit (negative = the paper beats the trend). */
  residual: number;
  withinBand: boolean;
  /** compute ÷ the largest fitted compute (> 1 means extrapolation upwards). */
  extrapolationFactor: number;
}

export function compareAtBudget(fit: PowerLawFit, compute: number, reportedError: number, level = 0.95): BudgetComparison {
  const band = computeConfidenceBand(fit, compute, level);
  return {
    compute,
    predicted: band.estimate,
    lower: band.lower,
    upper: band.upper,
    reported: reportedError,
    residual: reportedError - band.estimate,
    withinBand: reportedError >= band.lower && reportedError <= band.upper,
    extrapolationFactor: compute / fit.computeRange[1],
  };
}

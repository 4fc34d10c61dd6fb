/**
 * End to end on the reference data: the OpenCLIP ImageNet law of scaling_laws.csv, a band from points
 * generated with it over the span of the OpenCLIP models (1e10–1e13 GMACs), and the papers' results placed
 * on the same compute axis by lib/compute (training GFLOPs → GMACs with the named conversion).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accountReportedResult } from '@/lib/compute/accounting';
import { trainingGflopsToScalingLawCompute } from '@/lib/compute/units';
import { loadModelProfiles, loadReference, loadScalingLaws } from '@/lib/reference/load-reference';
import { predictError } from '@/lib/reference/scaling-laws';
import { compareAtBudget } from './compare-at-budget';
import { fitPowerLaw } from './power-law-fit';
import { createSeededNormal } from './seeded-random';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const law = loadScalingLaws(ROOT).find((row) => row.modelFamily === 'OpenCLIP' && row.task.startsWith('ImageNet-1k'));
if (!law) throw new Error('scaling_laws.csv has no OpenCLIP ImageNet fit');
const profiles = loadModelProfiles(ROOT);
const seeds = loadReference(ROOT).results;

const normal = createSeededNormal(11);
const fit = fitPowerLaw(Array.from({ length: 12 }, (_, i) => 1e10 * 1e3 ** (i / 11)).map((compute) => ({ compute, error: law.a * compute ** law.alpha * Math.exp(0.02 * normal()) })));

function budgetOf(resultKey: string) {
  const seed = seeds.find((row) => row.resultKey === resultKey && row.isPrimary);
  const account = seed && accountReportedResult(seed, profiles);
  if (!seed || !account?.ours) throw new Error(`cannot account ${resultKey}`);
  const accuracy = seed.metrics.zeroshot_in1k_top1;
  if (accuracy === undefined) throw new Error(`${resultKey} has no ImageNet accuracy`);
  return { gmacs: trainingGflopsToScalingLawCompute(account.ours.totalGflops), reportedError: 1 - accuracy / 100 };
}

describe('compareAtBudget', () => {
  it('places OpenCLIP and CLIPA-v2 results against the OpenCLIP ImageNet law', () => {
    const keys = ['openclip_H14_laion2b_32B', 'openclip_L14_datacomp1b_12.8B', 'openclip_G14_laion2b_32B-6.7B', 'clipa-v2_H14_datacomp1b_70-224', 'clipa-v2_H14_datacomp1b_84-224-336', 'clipa-v2_bigG14_datacomp1b_84-224-336'];
    const rows = keys.map((resultKey) => {
      const budget = budgetOf(resultKey);
      const comparison = compareAtBudget(fit, budget.gmacs, budget.reportedError);
      return { resultKey, gmacs: budget.gmacs.toExponential(3), published: predictError(law, budget.gmacs).toFixed(4), ...Object.fromEntries(Object.entries(comparison).map(([key, value]) => [key, typeof value === 'number' ? Number(value.toPrecision(4)) : value])) };
    });
    console.log(`ImageNet zero-shot error (fraction): OpenCLIP law E = ${law.a}·C^${law.alpha} (C in GMACs) vs reported; band = 95% band of a fit to points generated from the law`);
    console.table(rows);
    expect(rows).toHaveLength(keys.length);
  });

  it('predicts OpenCLIP H/14 (LAION-2B, 32B samples; a model of the fit\'s own data) within 2 points of its reported error', () => {
    // The published coefficients are rounded to 2 decimals, which alone moves the prediction ~0.9 points
    // at this compute (reference/README.md caveat 12), so 2 points is the honest tolerance.
    const budget = budgetOf('openclip_H14_laion2b_32B');
    expect(Math.abs(predictError(law, budget.gmacs) - budget.reportedError)).toBeLessThan(0.02);
    expect(compareAtBudget(fit, budget.gmacs, budget.reportedError).extrapolationFactor).toBeLessThan(1);
  });

  it('reports the residual, the band and how far it extrapolates', () => {
    const comparison = compareAtBudget(fit, 1e14, 0.1);
    expect(comparison.extrapolationFactor).toBeCloseTo(10, 9);
    expect(comparison.residual).toBeCloseTo(0.1 - comparison.predicted, 12);
    expect(comparison.withinBand).toBe(comparison.lower <= 0.1 && 0.1 <= comparison.upper);
  });
});

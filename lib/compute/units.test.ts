import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelProfiles, loadReference } from '@/lib/reference/load-reference';
import {
  clipaGflopsAsForwardGmacs,
  clipaTable1ComputeToTrainingGflops,
  flopsToMacs,
  forwardGmacsToTrainingGflops,
  forwardToTraining,
  macsToFlops,
  openclipProfileGflopsToGmacs,
  scalingLawComputeToTrainingGflops,
  trainingGflopsToClipaTable1Compute,
  trainingGflopsToForwardGmacs,
  trainingGflopsToScalingLawCompute,
  trainingToForward,
} from './units';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('unit conversions', () => {
  it('counts 2 FLOPs per MAC and 3 forward passes per training step', () => {
    expect(macsToFlops(1)).toBe(2);
    expect(flopsToMacs(2)).toBe(1);
    expect(forwardToTraining(1)).toBe(3);
    expect(trainingToForward(3)).toBe(1);
    expect(forwardGmacsToTrainingGflops(1)).toBe(6);
    expect(trainingGflopsToForwardGmacs(6)).toBe(1);
  });

  it('round-trips every pair of conversions', () => {
    for (const value of [0, 1e-3, 1, 177, 3.3e20]) {
      expect(flopsToMacs(macsToFlops(value))).toBeCloseTo(value, 6);
      expect(trainingGflopsToForwardGmacs(forwardGmacsToTrainingGflops(value))).toBeCloseTo(value, 6);
      expect(trainingGflopsToScalingLawCompute(scalingLawComputeToTrainingGflops(value)) / (value || 1)).toBeCloseTo(value / (value || 1), 12);
      expect(trainingGflopsToClipaTable1Compute(clipaTable1ComputeToTrainingGflops(value)) / (value || 1)).toBeCloseTo(value / (value || 1), 12);
    }
  });

  it('reads CLIPA-v2 Table 1 "×1e11" as forward GMACs × samples / 1e11', () => {
    expect(clipaTable1ComputeToTrainingGflops(4)).toBe(4e11 * 2 * 3);
    expect(trainingGflopsToClipaTable1Compute(2.4e12)).toBeCloseTo(4, 12);
  });

  it('treats a scaling-law C (GMACs × samples, forward) as one sixth of training GFLOPs', () => {
    expect(scalingLawComputeToTrainingGflops(1e12)).toBe(6e12);
    expect(trainingGflopsToScalingLawCompute(6e12)).toBe(1e12);
  });

  it('matches CLIPA-v2 "FLOPs" to half the open_clip profile, as the reference README infers (Table 3 H/14@224 vs ViT-H-14-CLIPA)', () => {
    const profile = loadModelProfiles(ROOT).find((row) => row.model === 'ViT-H-14-CLIPA');
    const table3 = loadReference(ROOT).results.find((row) => row.raw.finetune?.startsWith('128M samples at 224x224, no masking'));
    const clipaGflops = Number(table3?.raw.finetune_training_gflops_per_sample);
    expect(profile).toBeDefined();
    expect(Number.isFinite(clipaGflops)).toBe(true);
    // The Table 3 cell has one decimal, so agreement to ±0.05 is all the data can show.
    expect(Math.abs(openclipProfileGflopsToGmacs(profile?.gflops ?? Number.NaN) - clipaGflopsAsForwardGmacs(clipaGflops))).toBeLessThanOrEqual(0.05);
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelProfiles, loadReference } from '@/lib/reference/load-reference';
import { computeStepCompute, type PilotTarget } from './step-compute';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profiles = loadModelProfiles(ROOT);
/** model_profile.csv: ViT-B-32 at 224 px is 14.78 GFLOPs per forward pass (2 FLOPs per MAC); training is 3×. */
const B32_TRAINING_GFLOPS_PER_SAMPLE = 3 * 14.78;

const pilot = (fields: Partial<PilotTarget>) =>
  ({ kind: 'pilot', model: 'ViT-B-32', samplesSeen: 1e6, imageRes: null, textTokenLen: null, finetuneSamplesSeen: null, finetuneImageRes: null, ...fields }) as const;

describe('computeStepCompute', () => {
  it('counts a pilot at the model profile size as 3 × profile GFLOPs × samples', () => {
    const result = computeStepCompute(pilot({ samplesSeen: 36e6 }), profiles);
    if (!result.ok) throw new Error(result.error);
    expect(result.modelProfile).toBe('ViT-B-32');
    expect(result.samples).toBe(36e6);
    expect(result.gflops / (B32_TRAINING_GFLOPS_PER_SAMPLE * 36e6)).toBeCloseTo(1, 9);
    expect(result.family).toMatchObject({ size: 'B', patch: 32 });
  });

  it('adds a fine-tuning stage, and a smaller image costs less per sample (the text tower does not shrink)', () => {
    const result = computeStepCompute(pilot({ samplesSeen: 10e6, imageRes: 112, finetuneSamplesSeen: 1e6 }), profiles);
    if (!result.ok) throw new Error(result.error);
    expect(result.stages.map((stage) => [stage.label, stage.samples])).toEqual([
      ['pilot', 10e6],
      ['pilot fine-tuning', 1e6],
    ]);
    expect(result.samples).toBe(11e6);
    expect(result.stages[0]!.gflopsPerSample).toBeLessThan(result.stages[1]!.gflopsPerSample);
    expect(result.stages[1]!.gflopsPerSample).toBeCloseTo(B32_TRAINING_GFLOPS_PER_SAMPLE, 6);
  });

  it('says why a pilot cannot be counted', () => {
    expect(computeStepCompute(pilot({ model: null }), profiles)).toMatchObject({ ok: false, error: 'the pilot names no model' });
    expect(computeStepCompute(pilot({ samplesSeen: null }), profiles)).toMatchObject({ ok: false, error: 'the pilot gives no samples seen' });
    expect(computeStepCompute(pilot({ model: 'RN50' }), profiles)).toMatchObject({ ok: false, error: 'model "RN50" has no ViT row in model_profile.csv' });
  });

  it('counts a reported result with its schedule: CLIPA-v2 H/14 12.8B@70 + 512M@224 is 1.834e12 training GFLOPs', () => {
    const row = loadReference(ROOT).results.find((seed) => seed.resultKey === 'clipa-v2_H14_datacomp1b_70-224' && seed.isPrimary)!;
    const result = computeStepCompute({ kind: 'result', result: row }, profiles);
    if (!result.ok) throw new Error(result.error);
    expect(result.gflops / 1e12).toBeCloseTo(1.834, 3);
    expect(result.samples).toBe(row.totalSamplesSeen);
    expect(result.family).toMatchObject({ size: 'H', patch: 14 });
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelProfiles } from '@/lib/reference/load-reference';
import { computeTrainingGflops } from './accounting';
import { resolveModelGeometry } from './model-geometry';
import { parseScheduleString } from './schedule';
import { accountRun, deriveRunStages } from './run-stages';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profiles = loadModelProfiles(ROOT);

/** Arguments as params.txt writes them (Python str()), see LOG_FORMATS section 8. */
const CLIPA_PRETRAIN: Record<string, string> = { model: 'ViT-H-14-CL8-SyntaxMask-GAP', force_image_size: '[84]', force_patch_dropout: 'None', world_size: '8', batch_size: '256' };
const CLIPA_FINETUNE: Record<string, string> = { model: 'ViT-H-14-CL32-GAP', force_image_size: 'None', force_patch_dropout: '0.3', world_size: '8' };

describe('deriveRunStages', () => {
  it('reads one stage from model, force_image_size and force_patch_dropout', () => {
    expect(deriveRunStages(CLIPA_PRETRAIN, 1e9)).toEqual({
      ok: true,
      model: 'ViT-H-14-CL8-SyntaxMask-GAP',
      stages: [{ samples: 1e9, imageResolution: 84, imageTokens: null, patchDropout: 0, textTokens: null, label: 'run@84' }],
    });
    expect(deriveRunStages(CLIPA_FINETUNE, 5e8)).toMatchObject({ ok: true, stages: [{ imageResolution: null, patchDropout: 0.3, label: 'run (30% patch dropout)' }] });
  });

  it.each([
    [{ model: 'ViT-B-32', force_image_size: '84' }, 84],
    [{ model: 'ViT-B-32', force_image_size: '[84, 84]' }, 84],
    [{ model: 'ViT-B-32', force_image_size: '' }, null],
    [{ model: 'ViT-B-32' }, null],
  ])('reads force_image_size from %j', (params, resolution) => {
    const result = deriveRunStages(params, 1);
    expect(result.ok && result.stages[0].imageResolution).toBe(resolution);
  });

  it.each([
    [{ force_image_size: '84' }, /no model/],
    [{ model: 'None' }, /no model/],
    [{ model: 'ViT-B-32', force_image_size: '[84, 96]' }, /non-square/],
    [{ model: 'ViT-B-32', force_image_size: 'big' }, /force_image_size/],
    [{ model: 'ViT-B-32', force_patch_dropout: '1.5' }, /force_patch_dropout/],
  ])('rejects %j', (params, message) => {
    expect(deriveRunStages(params, 1)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });
});

describe('accountRun', () => {
  it('accounts a CLIPA pre-training run like the same stage written in paper notation', () => {
    const run = accountRun({ params: CLIPA_PRETRAIN, samplesSeen: 12.8e9 }, profiles);
    const geometry = resolveModelGeometry('ViT-H-14', profiles);
    const paper = parseScheduleString('12.8B@84', { textTokens: [8] });
    if (geometry === null || !paper.ok) throw new Error('setup');
    expect(run.compute?.totalGflops).toBeCloseTo(computeTrainingGflops(geometry, paper.stages).totalGflops, -3);
    expect(run.compute?.perStage[0].tokens).toEqual({ patchTokens: 36, keptPatchTokens: 36, imageSequenceLength: 37, textTokens: 8 });
  });

  it('adds GPU-hours from wall time × world_size and cost at the given price', () => {
    const run = accountRun({ params: CLIPA_FINETUNE, samplesSeen: 524_288_000, wallSeconds: 36 * 3600, pricePerGpuHour: 1.575 }, profiles);
    expect(run.gpuHours).toBe(36 * 8);
    expect(run.costUsd).toBeCloseTo(36 * 8 * 1.575, 9);
    expect(run.compute?.perStage[0].tokens).toMatchObject({ keptPatchTokens: 179, textTokens: 32 });
  });

  it('says why it cannot account a run, but still reports GPU-hours', () => {
    expect(accountRun({ params: { model: 'RN50', world_size: '4' }, samplesSeen: 1e6, wallSeconds: 3600 }, profiles)).toEqual({
      compute: null,
      unavailable: 'model "RN50" has no ViT row in model_profile.csv',
      gpuHours: 4,
      costUsd: null,
    });
    expect(accountRun({ params: {}, samplesSeen: 1 }, profiles)).toMatchObject({ compute: null, unavailable: 'params have no model', gpuHours: null });
  });
});

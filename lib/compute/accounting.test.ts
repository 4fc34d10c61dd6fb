import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelProfiles, loadReference } from '@/lib/reference/load-reference';
import { OPENCLIP_BENCHMARKS_PAPER } from '@/lib/reference/paper-catalog';
import { accountReportedResult, computeCost, computeGpuHours, computeTrainingGflops } from './accounting';
import { resolveModelGeometry } from './model-geometry';
import { parseScheduleString } from './schedule';
import { TRAINING_GFLOPS_UNIT } from './units';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profiles = loadModelProfiles(ROOT);

describe('computeGpuHours and computeCost', () => {
  it('multiplies wall-clock hours by GPUs, and GPU-hours by a price', () => {
    expect(computeGpuHours(3600, 8)).toBe(8);
    expect(computeGpuHours(2 * 86_400, 8)).toBe(384);
    expect(computeCost(8, 1.5)).toBe(12);
  });

  it('rejects impossible inputs', () => {
    expect(() => computeGpuHours(-1, 8)).toThrow(RangeError);
    expect(() => computeGpuHours(Number.POSITIVE_INFINITY, 8)).toThrow(RangeError);
    expect(() => computeGpuHours(3600, 0)).toThrow(RangeError);
    expect(() => computeGpuHours(3600, 1.5)).toThrow(RangeError);
    expect(() => computeCost(-1, 1.5)).toThrow(RangeError);
    expect(() => computeCost(1, Number.NaN)).toThrow(RangeError);
  });

  it('reproduces the CLIPA-v2 cost the reference README names as hours × $1.575 (5,920 h → $9,324)', () => {
    const row = loadReference(ROOT).results.find((seed) => seed.gpuHours === 5920 && seed.isPrimary);
    expect(row?.costUsd).not.toBeNull();
    expect(Math.round(computeCost(row?.gpuHours ?? Number.NaN, 1.575))).toBe(row?.costUsd);
  });
});

describe('computeTrainingGflops', () => {
  it('is 3 × the profile GFLOPs per sample at the profile sizes, times samples, in the canonical unit', () => {
    const geometry = resolveModelGeometry('ViT-H-14', profiles);
    const schedule = parseScheduleString('32B@224');
    if (geometry === null || !schedule.ok) throw new Error('setup');
    const result = computeTrainingGflops(geometry, schedule.stages);
    expect(result.unit).toBe(TRAINING_GFLOPS_UNIT);
    expect(result.model).toBe('ViT-H-14');
    expect(result.perStage[0].gflopsPerSample).toBeCloseTo(3 * geometry.profile.gflops, 6);
    expect(result.totalGflops / (3 * geometry.profile.gflops * 32e9)).toBeCloseTo(1, 12);
  });

  it('sums the stages of a CLIPA-v2 schedule', () => {
    const geometry = resolveModelGeometry('H/14', profiles, { preferClipa: true });
    const schedule = parseScheduleString('12.8B@84 + 512M@224 (30% mask) + 128M@336 (40% mask)', { textTokens: [8] });
    if (geometry === null || !schedule.ok) throw new Error('setup');
    const result = computeTrainingGflops(geometry, schedule.stages);
    expect(result.perStage.map((stage) => stage.gflops / (stage.gflopsPerSample * stage.stage.samples))).toEqual([1, 1, 1]);
    expect(result.totalGflops).toBeCloseTo(result.perStage.reduce((sum, stage) => sum + stage.gflops, 0), 0);
    expect(result.perStage.map((stage) => stage.imageBaseProfile)).toEqual(['ViT-H-14-CLIPA', 'ViT-H-14-CLIPA', 'ViT-H-14-CLIPA-336']);
    expect(result.perStage[0].tokens).toEqual({ patchTokens: 36, keptPatchTokens: 36, imageSequenceLength: 37, textTokens: 8 });
  });

  it('rejects a stage with a negative sample count', () => {
    const geometry = resolveModelGeometry('ViT-B-16', profiles);
    if (geometry === null) throw new Error('setup');
    expect(() => computeTrainingGflops(geometry, [{ samples: -1, imageResolution: 224, imageTokens: null, patchDropout: 0, textTokens: null, label: 'bad' }])).toThrow(RangeError);
  });
});

describe('accountReportedResult on clipa_reported.csv', () => {
  const seeds = loadReference(ROOT).results.filter((seed) => seed.paperId !== OPENCLIP_BENCHMARKS_PAPER.id);
  const accounts = seeds.map((seed) => ({ seed, account: accountReportedResult(seed, profiles) }));

  it('accounts every row whose schedule is complete, shows the paper figures unchanged, and says why the others cannot be accounted', () => {
    console.log(`reported results on one compute axis: ${TRAINING_GFLOPS_UNIT}; paper GPU-hours keep their basis`);
    console.table(
      accounts.map(({ seed, account }) => ({
        resultKey: seed.resultKey,
        type: seed.resultType,
        profile: account.modelProfile,
        ours: account.ours?.totalGflops.toExponential(3) ?? `— ${account.unavailable}`,
        gpuHours: account.paper.gpuHours,
        basis: account.paper.gpuHoursBasis?.slice(0, 40) ?? null,
        costUsd: account.paper.costUsd,
        'ours per paper GPU-hour': account.ours && account.paper.gpuHours ? (account.ours.totalGflops / account.paper.gpuHours).toExponential(2) : null,
      })),
    );
    for (const { seed, account } of accounts) {
      expect(account.ours === null, seed.resultKey).toBe(account.unavailable !== null);
      expect(account.paper).toMatchObject({ gpuHours: seed.gpuHours, gpuHoursBasis: seed.gpuHoursBasis, costUsd: seed.costUsd });
      if (account.ours === null) expect(account.unavailable, seed.resultKey).toMatch(/not given/);
    }
    expect(accounts.filter(({ account }) => account.ours !== null).length).toBeGreaterThan(40);
  });

  it('converts the printed Table 1 and Table 3 figures with named conversions', () => {
    const withTotal = accounts.find(({ seed }) => seed.computeTotal1e11GflopsXSamples !== null);
    expect(withTotal?.account.paper.totalCompute).toMatchObject({ conversion: 'clipaTable1ComputeToTrainingGflops', asPrinted: withTotal?.seed.computeTotal1e11GflopsXSamples });
    expect(withTotal?.account.paper.totalCompute?.trainingGflops).toBe((withTotal?.seed.computeTotal1e11GflopsXSamples ?? Number.NaN) * 1e11 * 6);
    const withPerSample = accounts.find(({ seed }) => (seed.raw.finetune_training_gflops_per_sample ?? '') !== '');
    expect(withPerSample?.account.paper.finetunePerSample?.trainingGflops).toBe(Number(withPerSample?.seed.raw.finetune_training_gflops_per_sample) * 6);
  });

  it('prefers the open_clip config name of a row over the paper short name', () => {
    const reevaluation = accounts.find(({ seed }) => seed.modelOpenclipName?.startsWith('ViT-H-14-CLIPA-336'));
    expect(reevaluation?.account.modelProfile).toBe('ViT-H-14-CLIPA-336');
  });
});

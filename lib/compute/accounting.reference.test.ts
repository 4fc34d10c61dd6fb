/**
 * Our accounting of the CLIPA-v2 results, from each row's schedule and open_clip's model profile, against
 * the compute figures the reference data gives for them. Every expected value is read from the reference
 * files; tolerances and the known-mismatch lists below are the only things written by hand, each with
 * the reason it cannot be tighter.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelProfiles, loadReference } from '@/lib/reference/load-reference';
import type { ReportedResultSeed } from '@/lib/reference/seed-types';
import { accountReportedResult, type StageCompute } from './accounting';
import { resolveModelGeometry } from './model-geometry';
import { parseSeedSchedule } from './schedule';
import { computeForwardGmacsPerSample } from './token-scaling';
import { CLIPA_TABLE1_SCALE, clipaGflopsAsForwardGmacs, trainingGflopsToClipaTable1Compute } from './units';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profiles = loadModelProfiles(ROOT);
const seeds = loadReference(ROOT).results;
const TOLERANCE = 0.05;

/** Decimals as printed in the CSV cell, e.g. "0.8" → 1, "4" → 0. */
function printedDecimals(cell: string): number {
  return cell.trim().split('.')[1]?.length ?? 0;
}

function roundTo(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals) / 10 ** decimals;
}

/** Sample-weighted forward GMACs per fine-tuning sample, the quantity of CLIPA-v2 Table 3's "training FLOPs". */
function meanFinetuneGmacs(stages: readonly StageCompute[]): number {
  const finetune = stages.slice(1);
  const samples = finetune.reduce((sum, stage) => sum + stage.stage.samples, 0);
  return finetune.reduce((sum, stage) => sum + stage.forwardGmacsPerSample * stage.stage.samples, 0) / samples;
}

/**
 * CLIPA-v2 Table 1 rows whose printed total cannot round from any per-sample cost (proved in the test
 * "Table 1 rows 2–4 cannot all be rounded values…" below): "0.8" for H/14 2.56B + 128M contradicts "4"
 * for H/14 12.8B + 128M given Table 3's 177.0 GMACs per fine-tuning sample.
 */
const TABLE1_KNOWN_MISMATCHES: ReadonlySet<string> = new Set(['clipa-v2_H14_laion400m_2.56B', 'clipa-v2_H14_laion2b_2.56B']);

/**
 * Table 3 cells we cannot reproduce within 5%. 135.9 (224 px, "random masking ratio 30%") exceeds what
 * 30% masking can cost under any rule in which cost grows at least linearly with tokens (asserted
 * below); 156.3 is the sample-weighted mean of 135.9 and 237.8 (asserted below), so it inherits the gap.
 */
const TABLE3_KNOWN_MISMATCHES: ReadonlySet<string> = new Set([
  'clipa-v2_H14_laion2b_ft-case1',
  'clipa-v2_H14_laion2b_84-224',
  'clipa-v2_H14_laion2b_ft-case3',
  'clipa-v2_H14_laion2b_84-224-336',
]);

describe('CLIPA-v2 Table 1 "total compute (×1e11)" vs our accounting', () => {
  const rows = seeds
    .filter((seed) => seed.computeTotal1e11GflopsXSamples !== null)
    .map((seed) => {
      const account = accountReportedResult(seed, profiles);
      const theirs = seed.computeTotal1e11GflopsXSamples ?? Number.NaN;
      const decimals = printedDecimals(seed.raw.compute_total_1e11_gflops_x_samples);
      const ours = account.ours === null ? Number.NaN : trainingGflopsToClipaTable1Compute(account.ours.totalGflops);
      // A 5% check is meaningful only when half a printed step is within 5% of the printed value.
      const precisionAllows5Percent = 0.5 * 10 ** -decimals <= TOLERANCE * theirs;
      return {
        seed,
        resultKey: seed.resultKey,
        paper: seed.paperId,
        model: account.modelProfile,
        ours,
        theirs,
        ratio: ours / theirs,
        oursRounded: roundTo(ours, decimals),
        precisionAllows5Percent,
        oursTrainingGflops: account.ours?.totalGflops ?? Number.NaN,
        theirsTrainingGflops: account.paper.totalCompute?.trainingGflops ?? Number.NaN,
      };
    });

  it('prints ours vs theirs for every reported result that has the figure', () => {
    console.log('CLIPA-v2 Table 1 total compute, forward GMACs × samples / 1e11 (ours = schedule × model_profile.csv, class token counted)');
    console.table(
      rows.map(({ resultKey, paper, model, ours, theirs, ratio, oursRounded, precisionAllows5Percent, oursTrainingGflops, theirsTrainingGflops }) => ({
        resultKey,
        paper,
        model,
        ours: Number(ours.toFixed(3)),
        theirs,
        ratio: Number(ratio.toFixed(3)),
        oursRounded,
        precisionAllows5Percent,
        'ours (training GFLOPs)': oursTrainingGflops.toExponential(3),
        'theirs (training GFLOPs)': theirsTrainingGflops.toExponential(3),
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => Number.isFinite(row.ours))).toBe(true);
  });

  it('lands within 5% where the printed precision allows it, and otherwise rounds to the printed value, for the CLIPA-v2 rows', () => {
    const clipaV2 = rows.filter((row) => row.paper === 'clipa-v2');
    expect(clipaV2.length).toBeGreaterThan(0);
    for (const row of clipaV2) {
      if (TABLE1_KNOWN_MISMATCHES.has(row.resultKey)) {
        // Listed mismatches must really miss, so the list cannot silently hide a row that now matches.
        expect(row.oursRounded, row.resultKey).not.toBe(row.theirs);
      } else if (row.precisionAllows5Percent) {
        expect(Math.abs(row.ratio - 1), row.resultKey).toBeLessThanOrEqual(TOLERANCE);
      } else {
        expect(row.oursRounded, row.resultKey).toBe(row.theirs);
      }
    }
  });

  it('Table 1 rows 2–4 cannot all be rounded values of one per-sample pre-training cost, given Table 3\'s fine-tuning cost', () => {
    const finetuneCell = seeds.find((seed) => seed.raw.finetune?.includes('no masking') && seed.raw.finetune_training_gflops_per_sample !== '');
    const finetunePerSample = clipaGflopsAsForwardGmacs(Number(finetuneCell?.raw.finetune_training_gflops_per_sample));
    const h14 = rows.filter((row) => row.paper === 'clipa-v2' && row.seed.model === 'H/14' && row.seed.pretrainImageRes === 84 && row.seed.textTokenLen === 8);
    expect(h14.length).toBeGreaterThanOrEqual(2);
    expect(Number.isFinite(finetunePerSample)).toBe(true);

    /** Per-sample pre-training GMACs p such that rounding (p·S + f·F) / 1e11 gives the printed value. */
    const feasible = (row: (typeof rows)[number], low: number, high: number) => {
      const finetune = finetunePerSample * (row.seed.finetuneSamplesSeen ?? Number.NaN);
      const samples = row.seed.samplesSeen ?? Number.NaN;
      return [(low * CLIPA_TABLE1_SCALE - finetune) / samples, (high * CLIPA_TABLE1_SCALE - finetune) / samples] as const;
    };
    const intersect = (ranges: (readonly [number, number])[]) => [Math.max(...ranges.map((range) => range[0])), Math.min(...ranges.map((range) => range[1]))] as const;
    const step = (row: (typeof rows)[number]) => 10 ** -printedDecimals(row.seed.raw.compute_total_1e11_gflops_x_samples);

    const nearest = intersect(h14.map((row) => feasible(row, row.theirs - step(row) / 2, row.theirs + step(row) / 2)));
    const truncated = intersect(h14.map((row) => feasible(row, row.theirs, row.theirs + step(row))));
    const roundedUp = intersect(h14.map((row) => feasible(row, row.theirs - step(row), row.theirs)));
    console.log(
      `H/14 84px/8-token pre-training GMACs per sample consistent with every Table 1 row: round-to-nearest ${nearest.map((v) => v.toFixed(2)).join('..')}, ` +
        `truncation ${truncated.map((v) => v.toFixed(2)).join('..')}, round-up ${roundedUp.map((v) => v.toFixed(2)).join('..')} (an empty range when low > high)`,
    );
    expect(nearest[0]).toBeGreaterThan(nearest[1]);
    expect(truncated[0]).toBeGreaterThan(truncated[1]);
  });
});

describe('CLIPA-v2 Table 3 "training FLOPs" per fine-tuning sample vs our accounting', () => {
  const rows = seeds
    .filter((seed) => (seed.raw.finetune_training_gflops_per_sample ?? '') !== '')
    .map((seed) => {
      const account = accountReportedResult(seed, profiles);
      const theirs = clipaGflopsAsForwardGmacs(Number(seed.raw.finetune_training_gflops_per_sample));
      const ours = account.ours === null ? Number.NaN : meanFinetuneGmacs(account.ours.perStage);
      const finetuneSamples = seed.finetuneSamplesSeen ?? Number.NaN;
      return { seed, resultKey: seed.resultKey, finetune: seed.finetune ?? '', ours, theirs, ratio: ours / theirs, oursStage: ours * finetuneSamples, theirsStage: theirs * finetuneSamples };
    });

  it('prints ours vs theirs (forward GMACs per sample, and for the whole fine-tuning stage)', () => {
    console.log('CLIPA-v2 Table 3 fine-tuning cost, forward GMACs per sample (sample-weighted over stages) and GMACs × samples of the stage');
    console.table(rows.map(({ resultKey, finetune, ours, theirs, ratio, oursStage, theirsStage }) => ({ resultKey, finetune: finetune.slice(0, 60), ours: Number(ours.toFixed(1)), theirs, ratio: Number(ratio.toFixed(4)), oursStage: oursStage.toExponential(4), theirsStage: theirsStage.toExponential(4) })));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('lands within 5% for every row except the listed ones, which miss', () => {
    for (const row of rows) {
      const within = Math.abs(row.ratio - 1) <= TOLERANCE;
      expect(within, `${row.resultKey}: ours ${row.ours.toFixed(2)} vs ${row.theirs}`).toBe(!TABLE3_KNOWN_MISMATCHES.has(row.resultKey));
    }
  });

  it('shows 135.9 cannot come from 30% masking: it exceeds the linear-rule upper bound', () => {
    const geometry = resolveModelGeometry('H/14', profiles, { preferClipa: true });
    if (geometry === null) throw new Error('H/14 did not resolve');
    for (const row of rows.filter((entry) => /224x224, random masking ratio 30%/.test(entry.finetune))) {
      const schedule = parseSeedSchedule(row.seed);
      if (!schedule.ok) throw new Error(schedule.error);
      const stage = schedule.stages[1];
      const full = computeForwardGmacsPerSample(geometry, { ...stage, patchDropout: 0 });
      const masked = computeForwardGmacsPerSample(geometry, stage);
      // Cost grows at least linearly in tokens, so the masked image tower costs at most its share of the full one.
      const upperBound = (full.imageGmacs * masked.tokens.imageSequenceLength) / full.tokens.imageSequenceLength + full.textGmacs;
      expect(row.theirs, row.resultKey).toBeGreaterThan(upperBound);
    }
  });

  it('finds 156.3 (case 5) to be the sample-weighted mean of the 135.9 and 237.8 cells', () => {
    const cell = (predicate: (seed: ReportedResultSeed) => boolean) => Number(rows.find((row) => predicate(row.seed))?.theirs);
    const at224 = cell((seed) => /^128M samples at 224x224, random masking ratio 30%/.test(seed.finetune ?? ''));
    const at336 = cell((seed) => /^640M samples at 336x336/.test(seed.finetune ?? ''));
    const progressive = rows.find((row) => /then 128M samples at 336x336/.test(row.finetune));
    const schedule = progressive && parseSeedSchedule(progressive.seed);
    if (!schedule?.ok) throw new Error('no progressive fine-tuning row');
    const [, first, second] = schedule.stages;
    const mean = (at224 * first.samples + at336 * second.samples) / (first.samples + second.samples);
    // The cells have one decimal, so agreement to ±0.05 is exact at the printed precision.
    expect(Math.abs(mean - (progressive?.theirs ?? Number.NaN))).toBeLessThanOrEqual(0.05);
  });
});

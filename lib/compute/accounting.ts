/**
 * Training-compute accounting on one axis for runs and for the papers' claims.
 *
 * Total = Σ over stages of (forward GMACs per sample at the stage's tokens, token-scaling.ts) × samples,
 * converted once to the canonical unit with `forwardGmacsToTrainingGflops` (×2 FLOPs per MAC, ×3 for
 * forward + backward). A paper's own compute figures are shown next to ours, never merged into them:
 * its GPU hours keep their basis text (A100-40GB actual vs A100-80GB estimated are not comparable), and
 * CLIPA-v2's "total compute (×1e11)" is converted with the conversion named in the result.
 */
import type { ModelProfile } from '@/lib/reference/model-profile';
import type { ReportedResultSeed } from '@/lib/reference/seed-types';
import { resolveModelGeometry, type ModelGeometry } from './model-geometry';
import { parseSeedSchedule, type SeedScheduleInput, type TrainingStage } from './schedule';
import { computeForwardGmacsPerSample, type StageTokens } from './token-scaling';
import { clipaGflopsAsForwardGmacs, clipaTable1ComputeToTrainingGflops, forwardGmacsToTrainingGflops, TRAINING_GFLOPS_UNIT } from './units';

export interface StageCompute {
  stage: TrainingStage;
  tokens: StageTokens;
  imageBaseProfile: string;
  forwardGmacsPerSample: number;
  /** Training GFLOPs per sample (fwd+bwd). */
  gflopsPerSample: number;
  /** Training GFLOPs of the whole stage. */
  gflops: number;
}

export interface TrainingCompute {
  /** The model_profile.csv row the model resolved to. */
  model: string;
  totalGflops: number;
  perStage: StageCompute[];
  unit: typeof TRAINING_GFLOPS_UNIT;
}

export type ReportedComputeInput = SeedScheduleInput &
  Pick<ReportedResultSeed, 'paperId' | 'resultKey' | 'model' | 'modelOpenclipName' | 'gpuHours' | 'gpuHoursBasis' | 'costUsd' | 'computeTotal1e11GflopsXSamples'> & {
    raw?: Readonly<Record<string, string>>;
  };

export interface PrintedCompute {
  asPrinted: number;
  printedUnit: string;
  /** The units.ts conversion applied, by name (a literal: minified builds rename functions). */
  conversion: string;
  trainingGflops: number;
}

export interface ReportedCompute {
  resultKey: string;
  modelProfile: string | null;
  ours: TrainingCompute | null;
  /** Why `ours` is null. */
  unavailable: string | null;
  paper: {
    gpuHours: number | null;
    gpuHoursBasis: string | null;
    costUsd: number | null;
    /** CLIPA-v2 Table 1 "total compute (×1e11)". */
    totalCompute: PrintedCompute | null;
    /** CLIPA-v2 Table 3 "training FLOPs" of the fine-tuning stage(s), per sample (a sample-weighted mean over stages). */
    finetunePerSample: PrintedCompute | null;
  };
}

export function computeTrainingGflops(model: ModelGeometry, stages: readonly TrainingStage[]): TrainingCompute {
  const perStage = stages.map((stage): StageCompute => {
    if (!(stage.samples >= 0)) throw new RangeError(`stage "${stage.label}" has an invalid sample count ${stage.samples}`);
    const cost = computeForwardGmacsPerSample(model, stage);
    const gflopsPerSample = forwardGmacsToTrainingGflops(cost.totalGmacs);
    return { stage, tokens: cost.tokens, imageBaseProfile: cost.imageBaseProfile, forwardGmacsPerSample: cost.totalGmacs, gflopsPerSample, gflops: gflopsPerSample * stage.samples };
  });
  return { model: model.profile.model, totalGflops: perStage.reduce((sum, stage) => sum + stage.gflops, 0), perStage, unit: TRAINING_GFLOPS_UNIT };
}

/** GPU-hours = wall-clock hours × GPUs; no utilisation factor, so it is what a cloud bill would count. */
export function computeGpuHours(wallSeconds: number, gpus: number): number {
  if (!(wallSeconds >= 0) || !Number.isFinite(wallSeconds)) throw new RangeError(`wall time must be a finite non-negative number of seconds, got ${wallSeconds}`);
  if (!Number.isInteger(gpus) || gpus < 1) throw new RangeError(`GPU count must be a positive integer, got ${gpus}`);
  return (wallSeconds / 3600) * gpus;
}

/** Cost at a configurable price; CLIPA-v2 priced A100-80GB at $1.575/GPU-h (Google Cloud) or $1.5 (Lambda). */
export function computeCost(gpuHours: number, pricePerGpuHour: number): number {
  if (!(gpuHours >= 0) || !(pricePerGpuHour >= 0)) throw new RangeError(`GPU-hours and price must be non-negative, got ${gpuHours} and ${pricePerGpuHour}`);
  return gpuHours * pricePerGpuHour;
}

/**
 * Our accounting of a reported result (its schedule × the model profile) beside the paper's own compute
 * figures. CLIPA and CLIPA-v2 results resolve to the `-CLIPA` configs where they exist; the open_clip
 * config name, when the row gives one, beats the paper's short name.
 */
export function accountReportedResult(seed: ReportedComputeInput, profiles: readonly ModelProfile[]): ReportedCompute {
  const modelName = seed.modelOpenclipName?.split(/\s+/)[0] || seed.model;
  const geometry = resolveModelGeometry(modelName, profiles, { preferClipa: seed.paperId.startsWith('clipa') });
  const schedule = parseSeedSchedule(seed);
  const unavailable = geometry === null ? `model "${modelName}" has no ViT row in model_profile.csv` : schedule.ok ? null : schedule.error;
  const ours = geometry !== null && schedule.ok ? computeTrainingGflops(geometry, schedule.stages) : null;
  return {
    resultKey: seed.resultKey,
    modelProfile: geometry?.profile.model ?? null,
    ours,
    unavailable,
    paper: {
      gpuHours: seed.gpuHours,
      gpuHoursBasis: seed.gpuHoursBasis,
      costUsd: seed.costUsd,
      totalCompute:
        seed.computeTotal1e11GflopsXSamples === null
          ? null
          : {
              asPrinted: seed.computeTotal1e11GflopsXSamples,
              printedUnit: 'GFLOPs × samples (1e11), CLIPA "GFLOPs" = forward GMACs',
              conversion: 'clipaTable1ComputeToTrainingGflops',
              trainingGflops: clipaTable1ComputeToTrainingGflops(seed.computeTotal1e11GflopsXSamples),
            },
      finetunePerSample: readFinetunePerSample(seed.raw),
    },
  };
}

function readFinetunePerSample(raw: Readonly<Record<string, string>> | undefined): PrintedCompute | null {
  const text = raw?.finetune_training_gflops_per_sample?.trim() ?? '';
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return null;
  return {
    asPrinted: value,
    printedUnit: 'CLIPA "training FLOPs" per fine-tuning sample (G) = forward GMACs',
    conversion: 'forwardGmacsToTrainingGflops(clipaGflopsAsForwardGmacs(x))',
    trainingGflops: forwardGmacsToTrainingGflops(clipaGflopsAsForwardGmacs(value)),
  };
}

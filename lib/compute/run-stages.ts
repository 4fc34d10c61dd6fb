/**
 * Compute accounting for an OpenCLIP run from its `params.txt` arguments (LOG_FORMATS section 8) and
 * the samples it has seen.
 *
 * A run is one stage (a CLIPA pre-train and its fine-tune are separate runs). The arguments that change
 * the token counts are the ones open_clip docs/clipa.md names: `--force-image-size` (resize; written
 * `[84]`, `84` or `[84, 84]`) and `--force-patch-dropout` (random masking ratio). Text length is part of
 * the model config, not of params.txt; the CLIPA fork encodes it in the config name (`…-CL8-Syntax-GAP`),
 * which model-geometry.ts reads. Python `None` or an empty value means "not set".
 */
import type { ModelProfile } from '@/lib/reference/model-profile';
import { computeCost, computeGpuHours, computeTrainingGflops, type TrainingCompute } from './accounting';
import { resolveModelGeometry } from './model-geometry';
import type { TrainingStage } from './schedule';

export type RunStagesResult = { ok: true; model: string; stages: TrainingStage[] } | { ok: false; error: string };

export interface RunComputeInput {
  params: Readonly<Record<string, string>>;
  samplesSeen: number;
  /** Wall-clock seconds of the run (first to last log line), if known. */
  wallSeconds?: number | null;
  /** GPUs; defaults to params `world_size`. */
  gpus?: number | null;
  pricePerGpuHour?: number | null;
}

export interface RunCompute {
  compute: TrainingCompute | null;
  /** Why `compute` is null. */
  unavailable: string | null;
  gpuHours: number | null;
  costUsd: number | null;
}

export function deriveRunStages(params: Readonly<Record<string, string>>, samplesSeen: number): RunStagesResult {
  const model = readSetting(params, 'model');
  if (model === null) return { ok: false, error: 'params have no model' };
  if (!Number.isFinite(samplesSeen) || samplesSeen < 0) return { ok: false, error: `samples seen must be a non-negative number, got ${samplesSeen}` };

  const sizeText = readSetting(params, 'force_image_size');
  const sizes = sizeText === null ? [] : sizeText.replace(/[[\]()\s]/g, '').split(',').filter((part) => part !== '').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) return { ok: false, error: `cannot read force_image_size "${sizeText}"` };
  if (sizes.length > 1 && sizes.some((size) => size !== sizes[0])) return { ok: false, error: `non-square force_image_size "${sizeText}" is not supported` };

  const dropoutText = readSetting(params, 'force_patch_dropout');
  const patchDropout = dropoutText === null ? 0 : Number(dropoutText);
  if (!(patchDropout >= 0 && patchDropout < 1)) return { ok: false, error: `force_patch_dropout must be in [0, 1), got "${dropoutText}"` };

  const notes = [sizes.length > 0 ? `@${sizes[0]}` : '', patchDropout > 0 ? ` (${Math.round(patchDropout * 100)}% patch dropout)` : ''].join('');
  return {
    ok: true,
    model,
    stages: [{ samples: samplesSeen, imageResolution: sizes[0] ?? null, imageTokens: null, patchDropout, textTokens: null, label: `run${notes}` }],
  };
}

/** Stages → training GFLOPs, plus GPU-hours and cost when wall time and a price are known. */
export function accountRun(input: RunComputeInput, profiles: readonly ModelProfile[]): RunCompute {
  const worldSize = Number(readSetting(input.params, 'world_size') ?? Number.NaN);
  const gpus = input.gpus ?? (Number.isInteger(worldSize) && worldSize > 0 ? worldSize : null);
  const gpuHours = input.wallSeconds != null && gpus !== null ? computeGpuHours(input.wallSeconds, gpus) : null;
  const costUsd = gpuHours !== null && input.pricePerGpuHour != null ? computeCost(gpuHours, input.pricePerGpuHour) : null;

  const stages = deriveRunStages(input.params, input.samplesSeen);
  if (!stages.ok) return { compute: null, unavailable: stages.error, gpuHours, costUsd };
  const geometry = resolveModelGeometry(stages.model, profiles);
  if (geometry === null) return { compute: null, unavailable: `model "${stages.model}" has no ViT row in model_profile.csv`, gpuHours, costUsd };
  return { compute: computeTrainingGflops(geometry, stages.stages), unavailable: null, gpuHours, costUsd };
}

function readSetting(params: Readonly<Record<string, string>>, key: string): string | null {
  if (!Object.hasOwn(params, key)) return null;
  const value = params[key].trim();
  return value === '' || value === 'None' ? null : value;
}

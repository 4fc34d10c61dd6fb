/**
 * The training compute a plan step asks for, in training GFLOPs (lib/compute/units.ts).
 *
 * A step targets a reported result, whose schedule is read exactly as the paper charts read it
 * (accountReportedResult), or is a pilot the lab defines: a model, pre-training samples at an image
 * size and text length, and optionally a fine-tuning stage at full text length. Fine-tuning a pilot
 * is one stage at `finetuneImageRes` (the model's own size when unset), without masking.
 */
import { accountReportedResult, computeTrainingGflops, type ReportedComputeInput } from '@/lib/compute/accounting';
import { resolveModelGeometry } from '@/lib/compute/model-geometry';
import type { TrainingStage } from '@/lib/compute/schedule';
import type { ModelProfile } from '@/lib/reference/model-profile';
import { parseModelFamily, type ModelFamily } from '@/lib/scorecard/model-name';

export interface PilotTarget {
  model: string | null;
  samplesSeen: number | null;
  imageRes: number | null;
  textTokenLen: number | null;
  finetuneSamplesSeen: number | null;
  finetuneImageRes: number | null;
}

export type StepTarget = { kind: 'result'; result: ReportedComputeInput } | ({ kind: 'pilot' } & PilotTarget);

export interface StagePlan {
  label: string;
  samples: number;
  gflopsPerSample: number;
}

export type StepCompute =
  | { ok: true; gflops: number; samples: number; modelProfile: string; family: ModelFamily | null; stages: StagePlan[] }
  | { ok: false; error: string; family: ModelFamily | null };

export function computeStepCompute(target: StepTarget, profiles: readonly ModelProfile[]): StepCompute {
  if (target.kind === 'result') {
    const name = target.result.modelOpenclipName?.split(/\s+/)[0] || target.result.model;
    const family = parseModelFamily(name);
    const accounting = accountReportedResult(target.result, profiles);
    if (!accounting.ours) return { ok: false, error: accounting.unavailable ?? 'the result cannot be accounted', family };
    return fromCompute(accounting.ours, family);
  }
  const family = parseModelFamily(target.model);
  if (!target.model) return { ok: false, error: 'the pilot names no model', family };
  if (!(target.samplesSeen !== null && target.samplesSeen > 0)) return { ok: false, error: 'the pilot gives no samples seen', family };
  const geometry = resolveModelGeometry(target.model, profiles);
  if (geometry === null) return { ok: false, error: `model "${target.model}" has no ViT row in model_profile.csv`, family };
  const stages: TrainingStage[] = [
    { samples: target.samplesSeen, imageResolution: target.imageRes, imageTokens: null, patchDropout: 0, textTokens: target.textTokenLen, label: 'pilot' },
  ];
  if (target.finetuneSamplesSeen !== null && target.finetuneSamplesSeen > 0) {
    stages.push({ samples: target.finetuneSamplesSeen, imageResolution: target.finetuneImageRes, imageTokens: null, patchDropout: 0, textTokens: null, label: 'pilot fine-tuning' });
  }
  return fromCompute(computeTrainingGflops(geometry, stages), family);
}

function fromCompute(compute: ReturnType<typeof computeTrainingGflops>, family: ModelFamily | null): StepCompute {
  return {
    ok: true,
    gflops: compute.totalGflops,
    samples: compute.perStage.reduce((sum, stage) => sum + stage.stage.samples, 0),
    modelProfile: compute.model,
    family,
    stages: compute.perStage.map((stage) => ({ label: stage.stage.label, samples: stage.stage.samples, gflopsPerSample: stage.gflopsPerSample })),
  };
}

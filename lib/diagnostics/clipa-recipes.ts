/**
 * Training recipes of the CLIPA results, for the settings a reported result does not state: global
 * batch, learning-rate schedule and precision. Each value was read in the training file named by
 * `source` (UCSC-VLAA/CLIPA, the authors' repository); nothing is inferred. Warm-up is kept in samples
 * (steps × global batch) so a lab training with another batch size compares like with like.
 *
 * Only these recipes are known; a result without one is compared on what its row states. The
 * CLIPA-v2 JAX configs state no mixed-precision setting, so precision is not compared for them.
 */
import { isSameFamily, parseModelFamily } from '@/lib/scorecard/model-name';
import type { ReferenceStage } from './reference-stages';
import type { ReferenceResult } from './types';

export interface TrainingRecipe {
  globalBatch: number;
  /** open_clip `--lr-scheduler` name of the schedule's decay. */
  scheduler: string;
  warmupSamples: number;
  /** open_clip `--precision`, when the source states one. */
  precision: string | null;
  source: string;
}

const CLIPA_TORCH_GPU = 'UCSC-VLAA/CLIPA@052f459 clipa_torch/scripts/exp/gpu';
const CLIPA_JAX_H = 'UCSC-VLAA/CLIPA clipa_jax/configs/model_h';

interface RecipeEntry {
  matches: (result: ReferenceResult, stage: ReferenceStage) => boolean;
  recipe: TrainingRecipe;
}

const family = (name: string) => parseModelFamily(name)!;
const isFamily = (result: ReferenceResult, name: string) => {
  const parsed = parseModelFamily(result.model);
  return parsed !== null && isSameFamily(parsed, family(name));
};
const near = (value: number | null, target: number) => value !== null && Math.abs(value - target) / target <= 0.05;

const RECIPES: readonly RecipeEntry[] = [
  {
    matches: (result, stage) => /^clipa-v1_B16-I50-T16_/.test(result.resultKey) && stage.kind === 'pretrain',
    recipe: {
      globalBatch: 8192 * 8,
      scheduler: 'cosine',
      warmupSamples: 782 * 8192 * 8,
      precision: 'amp_bf16',
      source: `${CLIPA_TORCH_GPU}/vit_b16/i50_t16_pretrain.sh (--batch-size 8192 on 8 GPUs, --warmup 782, --precision amp_bf16)`,
    },
  },
  {
    matches: (result, stage) => /^clipa-v1_L16-I37-T8_/.test(result.resultKey) && stage.kind === 'pretrain',
    recipe: {
      globalBatch: 4096 * 8,
      scheduler: 'cosine',
      warmupSamples: 1563 * 4096 * 8,
      precision: 'amp_bf16',
      source: `${CLIPA_TORCH_GPU}/vit_l16/i37_t8_pretrain.sh (--batch-size 4096 on 8 GPUs, --warmup 1563, --precision amp_bf16)`,
    },
  },
  {
    matches: (result, stage) => /^clipa-v1_L16-I37-T8_/.test(result.resultKey) && stage.kind === 'finetune',
    recipe: {
      globalBatch: 896 * 8,
      scheduler: 'cosine',
      warmupSamples: 3571 * 896 * 8,
      precision: 'amp_bf16',
      source: `${CLIPA_TORCH_GPU}/vit_l16/i37_t8_finetune.sh (--batch-size 896 on 8 GPUs, --warmup 3571, --precision amp_bf16)`,
    },
  },
  {
    matches: (result, stage) => result.paperId === 'clipa-v2' && isFamily(result, 'H/14') && stage.kind === 'pretrain' && stage.imageRes === 84,
    recipe: {
      globalBatch: 65536,
      scheduler: 'cosine',
      warmupSamples: 3200 * 65536,
      precision: null,
      source: `${CLIPA_JAX_H}/84_8_pre_training.py @da1250f (batchsize=65536, cosine decay, warmup_steps=3200)`,
    },
  },
  {
    matches: (result, stage) => result.paperId === 'clipa-v2' && isFamily(result, 'H/14') && stage.kind === 'finetune' && stage.imageRes === 224 && near(stage.samples, 131_072_000),
    recipe: {
      globalBatch: 16384,
      scheduler: 'cosine',
      warmupSamples: 26_214_400,
      precision: null,
      source: `${CLIPA_JAX_H}/unmask_tuning.py @3f91974 (batchsize=16384, 131,072,000 samples, cosine decay, warm-up 26,214,400 samples)`,
    },
  },
  {
    matches: (result, stage) => result.paperId === 'clipa-v2' && isFamily(result, 'H/14') && stage.kind === 'finetune' && stage.imageRes === 224 && near(stage.samples, 524_288_000),
    recipe: {
      globalBatch: 32768,
      scheduler: 'cosine',
      warmupSamples: 26_214_400,
      precision: null,
      source: `${CLIPA_JAX_H}/unmask_tuning_224_scheduleX4.py @0fca0ca (batchsize=32768, 4 × 131,072,000 samples, mask_ratio 0.3, cosine decay, warm-up 26,214,400 samples)`,
    },
  },
];

export function findRecipe(result: ReferenceResult, stage: ReferenceStage): TrainingRecipe | null {
  return RECIPES.find((entry) => entry.matches(result, stage))?.recipe ?? null;
}

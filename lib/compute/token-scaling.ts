/**
 * Forward GMACs per sample of a CLIP model at a stage's image and text token counts, scaled from the
 * open_clip `model_profile.csv` row measured at the config's own sizes.
 *
 * The rule, per tower (image and text separately): a pre-norm transformer layer of width d and MLP ratio m
 * costs (4 + 2m)·d² MACs per token in its projections and MLP, plus 2·N·d per token in attention (QKᵀ and
 * AV over N tokens). So a tower's cost is proportional to N·(1 + N / ((2 + m)·d)), with the layer count
 * cancelling out:
 *
 *   gmacs(N) = gmacs(N₀) · N·(1 + N/((2+m)d)) / (N₀·(1 + N₀/((2+m)d)))
 *
 * where N₀ is the sequence length the profile was measured at. The attention term matters: at 336 px an
 * H/14 sequence is 577 tokens and attention is 7% of the tower; a purely linear rule misses the 336-px
 * profile rows by 2.6–4.8%. token-scaling.test.ts checks every same-tower pair in the profile within 0.5%
 * (most within 0.05%; ViT-L-16-SigLIP only after correcting the image width the profile mis-lists), and
 * the 77 → 32-token text towers of the -CLIPA configs likewise.
 * Image sequences are patches + class token (model-geometry.ts); random masking keeps
 * `max(1, int(patches × (1 − ratio)))` patches as open_clip's PatchDropout does, plus the class token.
 * The patch-embedding convolution runs before masking but is ~0.1% of the tower, so it scales with the rest.
 * The image tower is scaled from the profile row whose size is nearest the stage (exact when one
 * matches, e.g. ViT-H-14-CLIPA-336 for a 336-px stage).
 */
import { openclipProfileGflopsToGmacs } from './units';
import type { ModelGeometry } from './model-geometry';
import type { TrainingStage } from './schedule';
import type { ModelProfile } from '@/lib/reference/model-profile';

export type StageShape = Pick<TrainingStage, 'imageResolution' | 'imageTokens' | 'patchDropout' | 'textTokens'>;

export interface StageTokens {
  /** Patch tokens before masking. */
  patchTokens: number;
  /** Patches kept after random masking. */
  keptPatchTokens: number;
  /** Transformer sequence length of the image tower (kept patches + class token). */
  imageSequenceLength: number;
  textTokens: number;
}

export interface ForwardCost {
  tokens: StageTokens;
  /** The profile row the image tower was scaled from. */
  imageBaseProfile: string;
  imageGmacs: number;
  textGmacs: number;
  totalGmacs: number;
}

/** Relative cost of one transformer tower at sequence length `length` (see the module comment). */
export function measureTowerCostShape(length: number, width: number, mlpRatio: number): number {
  return length * (1 + length / ((2 + mlpRatio) * width));
}

/** Scales a tower's GMACs measured at `fromLength` tokens to `toLength` tokens. */
export function scaleTowerGmacs(gmacs: number, fromLength: number, toLength: number, width: number, mlpRatio: number): number {
  return (gmacs * measureTowerCostShape(toLength, width, mlpRatio)) / measureTowerCostShape(fromLength, width, mlpRatio);
}

export function resolveStageTokens(geometry: ModelGeometry, stage: StageShape): StageTokens {
  const patchTokens = countPatchTokens(geometry, stage);
  if (!(stage.patchDropout >= 0 && stage.patchDropout < 1)) throw new RangeError(`patch dropout must be in [0, 1), got ${stage.patchDropout}`);
  const keptPatchTokens = stage.patchDropout > 0 ? Math.max(1, Math.floor(patchTokens * (1 - stage.patchDropout))) : patchTokens;
  const textTokens = stage.textTokens ?? geometry.defaultTextTokens;
  if (!Number.isInteger(textTokens) || textTokens < 1) throw new RangeError(`text tokens must be a positive integer, got ${textTokens}`);
  return { patchTokens, keptPatchTokens, imageSequenceLength: keptPatchTokens + (geometry.classToken ? 1 : 0), textTokens };
}

export function computeForwardGmacsPerSample(geometry: ModelGeometry, stage: StageShape): ForwardCost {
  const tokens = resolveStageTokens(geometry, stage);
  const base = pickImageBase(geometry, tokens.patchTokens);
  const baseLength = patchTokensOf(geometry, base) + (geometry.classToken ? 1 : 0);
  const imageGmacs = scaleTowerGmacs(openclipProfileGflopsToGmacs(base.imageGflops), baseLength, tokens.imageSequenceLength, base.imageWidth, geometry.imageMlpRatio);
  const textGmacs = scaleTowerGmacs(openclipProfileGflopsToGmacs(geometry.profile.textGflops), geometry.profileTextTokens, tokens.textTokens, geometry.profile.textWidth, geometry.textMlpRatio);
  return { tokens, imageBaseProfile: base.model, imageGmacs, textGmacs, totalGmacs: imageGmacs + textGmacs };
}

function countPatchTokens(geometry: ModelGeometry, stage: StageShape): number {
  if (stage.imageResolution !== null) {
    if (!(stage.imageResolution >= geometry.patchSize)) throw new RangeError(`resolution ${stage.imageResolution} is smaller than the patch size ${geometry.patchSize}`);
    return Math.floor(stage.imageResolution / geometry.patchSize) ** 2;
  }
  if (stage.imageTokens !== null) {
    if (!Number.isInteger(stage.imageTokens) || stage.imageTokens < 1) throw new RangeError(`image tokens must be a positive integer, got ${stage.imageTokens}`);
    return stage.imageTokens;
  }
  return geometry.fullPatchTokens;
}

function patchTokensOf(geometry: ModelGeometry, profile: ModelProfile): number {
  return Math.floor(profile.imageSize / geometry.patchSize) ** 2;
}

/** The measured row nearest the stage in log token count, so scaling extrapolates as little as possible. */
function pickImageBase(geometry: ModelGeometry, patchTokens: number): ModelProfile {
  const candidates = geometry.resolutionVariants.length > 0 ? geometry.resolutionVariants : [geometry.profile];
  const distance = (profile: ModelProfile) => Math.abs(Math.log(patchTokensOf(geometry, profile) / patchTokens));
  return candidates.reduce((best, profile) => (distance(profile) < distance(best) ? profile : best));
}

/**
 * Config mismatch: the run's own record (params.txt, model name, run name) against the reported
 * result it is linked to, stage by stage. A run is one stage: it fine-tunes when params `pretrained`
 * names a checkpoint file, otherwise it pre-trains.
 *
 * Compared, each only when both sides state it:
 * - model family (size and patch) — high;
 * - image tokens: the run's (force_image_size, else `I50` in its name, else the open_clip config's
 *   224 px) ÷ patch, squared, times (1 − force_patch_dropout), against the result's stated tokens
 *   (±1: CLIPA-v1 names count the class token) or (resolution ÷ patch)²; fine-tuning compares the
 *   resolution — high;
 * - text tokens: `CL8` in the model name, else `T8` in the run name, else the config's context length
 *   (77 for open_clip ViTs, 32 for the -CLIPA towers) — high;
 * - token reduction: the same token count reached by random masking where the result resizes, or a
 *   fine-tuning masking ratio other than the stated one — medium;
 * - samples seen of the stage (samples per epoch × epochs), within `samplesSeenTolerance` — medium;
 * - global batch, learning-rate schedule (scheduler and warm-up in samples, within `warmupTolerance`)
 *   and precision, from the stage's training recipe (clipa-recipes.ts) — medium, low, low.
 * Each mismatch names both values and where the reference value comes from.
 */
import { formatCount } from '@/lib/charts/format';
import { formatModelFamily, isSameFamily, parseModelFamily, type ModelFamily } from '@/lib/scorecard/model-name';
import { findRecipe } from './clipa-recipes';
import { formatPercentOf } from './format';
import { readFinetuneStages, readPretrainStage, type ReferenceStage } from './reference-stages';
import { DEFAULT_IMAGE_SIZE, readRunFacts, setting, type RunFacts } from './run-facts';
import type { Thresholds } from './thresholds';
import type { ConfigMismatch, DiagnosticFinding, DiagnosticRun, ReferenceResult, Severity } from './types';

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function sourceOf(result: ReferenceResult): string {
  return `${result.reportedBy}: ${result.source}`;
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / b;
}

/** The fine-tuning stage a fine-tuning run most likely is: same resolution, else nearest sample count. */
function pickFinetuneStage(stages: readonly ReferenceStage[], facts: RunFacts): ReferenceStage | null {
  if (stages.length <= 1) return stages[0] ?? null;
  const sameSize = stages.filter((stage) => stage.imageRes !== null && stage.imageRes === facts.imageSize?.value);
  if (sameSize.length === 1) return sameSize[0]!;
  const planned = facts.plannedSamples;
  if (planned === null) return stages[0]!;
  return [...stages].sort((a, b) => relativeDifference(planned, a.samples ?? Infinity) - relativeDifference(planned, b.samples ?? Infinity))[0]!;
}

function compareImageTokens(facts: RunFacts, stage: ReferenceStage, referenceFamily: ModelFamily | null, source: string): ConfigMismatch[] {
  const patch = facts.family?.patch ?? referenceFamily?.patch ?? null;
  if (patch === null) return [];
  const referenceTokens = stage.imageTokens ?? (stage.imageRes !== null && referenceFamily ? Math.floor(stage.imageRes / referenceFamily.patch) ** 2 : null);
  const describeReference = () =>
    stage.imageTokens !== null
      ? `${stage.imageTokens} image tokens${stage.imageRes !== null ? ` at ${stage.imageRes} px` : ''}`
      : `${referenceTokens} image tokens (${stage.imageRes} px ÷ ${referenceFamily!.patch}, squared)`;
  const fullTokens = facts.imageSize ? Math.floor(facts.imageSize.value / patch) ** 2 : null;
  const runTokens = fullTokens !== null ? Math.round(fullTokens * (1 - facts.patchDropout)) : facts.namedImageTokens;
  const describeRun = () =>
    facts.imageSize
      ? `${facts.imageSize.value} px (${facts.imageSize.from}) → ${fullTokens} image tokens${facts.patchDropout > 0 ? `, ${runTokens} after ${facts.patchDropout} patch dropout` : ''}`
      : `I${facts.namedImageTokens} in the run name`;
  if (referenceTokens === null || runTokens === null) return [];
  if (Math.abs(referenceTokens - runTokens) > 1) {
    return [{ field: 'image_tokens', severity: 'high', run: describeRun(), reference: describeReference(), referenceSource: source }];
  }
  // Same count: CLIPA reduces tokens by resizing; random masking to the same count is another recipe.
  const referenceResizes = stage.imageRes !== null && stage.imageRes < DEFAULT_IMAGE_SIZE;
  if (referenceResizes && facts.patchDropout > 0 && facts.imageSize && facts.imageSize.value > stage.imageRes!) {
    return [{ field: 'token_reduction', severity: 'medium', run: `random patch dropout ${facts.patchDropout} at ${facts.imageSize.value} px`, reference: `resize to ${stage.imageRes} px, no masking`, referenceSource: source }];
  }
  return [];
}

function compareFinetuneImage(facts: RunFacts, stage: ReferenceStage, source: string): ConfigMismatch[] {
  const mismatches: ConfigMismatch[] = [];
  if (stage.imageRes !== null && facts.imageSize && facts.imageSize.value !== stage.imageRes) {
    mismatches.push({ field: 'image_tokens', severity: 'high', run: `${facts.imageSize.value} px (${facts.imageSize.from})`, reference: `${stage.imageRes} px (${stage.text})`, referenceSource: source });
  }
  if (stage.maskRatio !== null && Math.abs(stage.maskRatio - facts.patchDropout) > 0.005) {
    mismatches.push({
      field: 'token_reduction',
      severity: 'medium',
      run: facts.patchDropout > 0 ? `force_patch_dropout ${facts.patchDropout}` : 'no patch dropout (full tokens)',
      reference: stage.maskRatio > 0 ? `${formatPercentOf(stage.maskRatio)} random masking (${stage.text})` : `full tokens, no masking (${stage.text})`,
      referenceSource: source,
    });
  }
  return mismatches;
}

function compareRecipe(run: DiagnosticRun, result: ReferenceResult, stage: ReferenceStage, thresholds: Pick<Thresholds, 'warmupTolerance'>): ConfigMismatch[] {
  const recipe = findRecipe(result, stage);
  if (!recipe) return [];
  const mismatches: ConfigMismatch[] = [];
  if (run.globalBatchSize !== null && run.globalBatchSize !== recipe.globalBatch) {
    mismatches.push({ field: 'global_batch', severity: 'medium', run: run.globalBatchSize.toLocaleString('en-US'), reference: recipe.globalBatch.toLocaleString('en-US'), referenceSource: recipe.source });
  }
  // open_clip's --lr-scheduler defaults to cosine.
  const scheduler = setting(run.config, 'lr_scheduler') ?? (run.config ? 'cosine' : null);
  const warmupText = setting(run.config, 'warmup');
  const warmupSteps = warmupText === null ? Number.NaN : Number(warmupText);
  const warmupSamples = Number.isFinite(warmupSteps) && run.globalBatchSize !== null ? warmupSteps * run.globalBatchSize : null;
  const schedulerDiffers = scheduler !== null && scheduler !== recipe.scheduler;
  const warmupDiffers = warmupSamples !== null && relativeDifference(warmupSamples, recipe.warmupSamples) > thresholds.warmupTolerance;
  if (schedulerDiffers || warmupDiffers) {
    mismatches.push({
      field: 'schedule',
      severity: 'low',
      run: `${scheduler ?? 'unknown'} decay, warm-up ${warmupSamples !== null ? `${formatCount(warmupSamples)} samples (${warmupSteps} steps)` : 'unknown'}`,
      reference: `${recipe.scheduler} decay, warm-up ${formatCount(recipe.warmupSamples)} samples`,
      referenceSource: recipe.source,
    });
  }
  if (recipe.precision !== null && run.precision !== null && run.precision !== recipe.precision) {
    mismatches.push({ field: 'precision', severity: 'low', run: run.precision, reference: recipe.precision, referenceSource: recipe.source });
  }
  return mismatches;
}

/** Every mismatch between the run and its linked result, most severe first. */
export function findConfigMismatches(run: DiagnosticRun, result: ReferenceResult, thresholds: Pick<Thresholds, 'samplesSeenTolerance' | 'warmupTolerance'>): ConfigMismatch[] {
  const facts = readRunFacts(run);
  const source = sourceOf(result);
  const referenceFamily = parseModelFamily(result.model);
  const mismatches: ConfigMismatch[] = [];

  if (facts.family && referenceFamily && !isSameFamily(facts.family, referenceFamily)) {
    mismatches.push({ field: 'model', severity: 'high', run: `${run.model} (${formatModelFamily(facts.family)})`, reference: result.model, referenceSource: source });
  }

  const finetuneStages = readFinetuneStages(result);
  let stage: ReferenceStage | null;
  if (facts.stage === 'finetune') {
    stage = pickFinetuneStage(finetuneStages, facts);
    if (!stage) {
      mismatches.push({ field: 'stage', severity: 'medium', run: `fine-tunes a checkpoint (pretrained: ${facts.pretrained})`, reference: 'no fine-tuning stage', referenceSource: source });
    } else {
      mismatches.push(...compareFinetuneImage(facts, stage, source));
    }
  } else {
    stage = readPretrainStage(result);
    mismatches.push(...compareImageTokens(facts, stage, referenceFamily, source));
  }

  if (stage) {
    const referenceText = stage.textTokens ?? (stage.kind === 'finetune' && result.paperId === 'clipa-v2' ? 32 : null);
    if (referenceText !== null && facts.textTokens && facts.textTokens.value !== referenceText) {
      mismatches.push({
        field: 'text_tokens',
        severity: 'high',
        run: `${facts.textTokens.value} text tokens (${facts.textTokens.from})`,
        reference: `${referenceText} text tokens`,
        referenceSource: stage.textTokens !== null ? source : 'reference/README.md: CLIPA-v2 fine-tuning uses 32 text tokens',
      });
    }
    if (stage.samples !== null && facts.plannedSamples !== null && relativeDifference(facts.plannedSamples, stage.samples) > thresholds.samplesSeenTolerance) {
      mismatches.push({
        field: 'samples_seen',
        severity: 'medium',
        run: `${formatCount(facts.plannedSamples)} samples planned (samples per epoch × epochs)`,
        reference: `${formatCount(stage.samples)} samples of ${stage.kind === 'finetune' ? 'fine-tuning' : 'pre-training'}`,
        referenceSource: source,
      });
    }
    mismatches.push(...compareRecipe(run, result, stage, thresholds));
  }
  return mismatches.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

const FIELD_LABEL: Record<ConfigMismatch['field'], string> = {
  model: 'model',
  image_tokens: 'image tokens',
  text_tokens: 'text tokens',
  token_reduction: 'token reduction',
  stage: 'stage',
  samples_seen: 'samples seen',
  global_batch: 'global batch',
  schedule: 'schedule',
  precision: 'precision',
};

export function describeMismatch(mismatch: ConfigMismatch): string {
  return `${FIELD_LABEL[mismatch.field]}: run ${mismatch.run}; reference ${mismatch.reference} (${mismatch.referenceSource})`;
}

export function diagnoseConfigMismatch(
  run: DiagnosticRun,
  result: ReferenceResult | null,
  thresholds: Pick<Thresholds, 'samplesSeenTolerance' | 'warmupTolerance'>,
): DiagnosticFinding | null {
  if (!result) return null;
  const mismatches = findConfigMismatches(run, result, thresholds);
  if (mismatches.length === 0) return null;
  const [first] = mismatches;
  const others = mismatches.length - 1;
  return {
    code: 'config_mismatch',
    severity: first!.severity,
    summary:
      `${mismatches.length} config ${mismatches.length === 1 ? 'mismatch' : 'mismatches'} against ${result.resultKey}: ${FIELD_LABEL[first!.field]} ` +
      `(run ${first!.run}; reference ${first!.reference})${others > 0 ? `, and ${mismatches.slice(1).map((mismatch) => FIELD_LABEL[mismatch.field]).join(', ')}` : ''}.`,
    evidence: {
      mismatches,
      lines: mismatches.map(describeMismatch),
      values: { resultKey: result.resultKey },
    },
    suggestion:
      'A different token reduction or model/token pairing is the first cause of a gap to check: fix the run to match the reference, or link the run to the result it does reproduce.',
  };
}

/**
 * Scores reported results against a run to suggest the one it reproduces.
 *
 * Each fact both sides state adds or removes points, with a reason a person can check:
 * - model family (size and patch): a different family rules the result out; the same one is +3;
 * - planned samples (samples per epoch × epochs) within 10% of the result's: its total (+3, the run is
 *   the whole result), its pre-training stage or its fine-tuning stage (+1.5, the run is one stage of a
 *   longer schedule); nearer counts more, and a miss on every stated count is −2;
 * - pre-training image tokens ((force_image_size / patch)², or a CLIPA name's I-count; ±1 for the class
 *   token CLIPA-v1 names count) +1.5 / −1.5, and text tokens (`CL8`, `T16`) +1 / −1 — both only when
 *   the run is not matched as the fine-tuning stage, which trains at full size;
 * - dataset named in `train_data` (or the run's name) +1.5, a different one −3;
 * - a reduced-token run that starts from no checkpoint fits a pre-training-only result (+1); a run
 *   fine-tuning a checkpoint does not (−1.5), and fits a fine-tuning stage (+0.5).
 * Only a clear winner is suggested: the model matches, the score is at least 5 and 1 point ahead of the
 * next result. Ties (a fine-tuning run whose pre-training resolution the record does not state) suggest
 * nothing; the ranked list still shows the candidates and why.
 */
import { formatCount } from '@/lib/charts/format';
import { formatModelFamily, isSameFamily, parseModelFamily } from './model-name';
import { normalizeDatasetName, profileRun, type RunProfile, type RunRecord } from './run-profile';

export interface ResultFacts {
  id: string;
  resultType: string;
  model: string;
  pretrainDataset: string | null;
  samplesSeen: number | null;
  finetuneSamplesSeen: number | null;
  totalSamplesSeen: number | null;
  pretrainImageRes: number | null;
  pretrainImageTokens: number | null;
  textTokenLen: number | null;
}

export type ReasonKind = 'model' | 'samples' | 'image' | 'text' | 'dataset' | 'stage';

export interface MatchReason {
  kind: ReasonKind;
  match: boolean;
  text: string;
}

export interface LinkCandidate<R extends ResultFacts> {
  result: R;
  score: number;
  reasons: MatchReason[];
  /** True for the one candidate that clearly matches best; it is the suggestion. */
  clear: boolean;
}

const SAMPLE_TOLERANCE = 0.1;
const CLEAR_MIN_SCORE = 5;
const CLEAR_MIN_LEAD = 1;

type Stage = 'whole' | 'pretrain' | 'finetune' | null;

/** Results ranked by score (best first, positive scores only, at most `limit`); the first is `clear` when it clearly wins. */
export function rankLinkCandidates<R extends ResultFacts>(run: RunRecord, results: readonly R[], limit = 5): LinkCandidate<R>[] {
  const profile = profileRun(run);
  const scored = results
    .map((result) => scoreResult(profile, result))
    .filter((candidate): candidate is LinkCandidate<R> => candidate !== null && candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.result.id.localeCompare(b.result.id));
  const [first, second] = scored;
  if (first && first.reasons.some((reason) => reason.kind === 'model' && reason.match) && first.score >= CLEAR_MIN_SCORE) {
    first.clear = !second || first.score - second.score >= CLEAR_MIN_LEAD;
  }
  return scored.slice(0, limit);
}

export function scoreResult<R extends ResultFacts>(profile: RunProfile, result: R): LinkCandidate<R> | null {
  const reasons: MatchReason[] = [];
  let score = 0;
  const add = (kind: ReasonKind, points: number, text: string) => {
    score += points;
    reasons.push({ kind, match: points > 0, text });
  };

  const family = parseModelFamily(result.model);
  if (profile.family && family) {
    if (!isSameFamily(profile.family, family)) return null;
    add('model', 3, `${profile.modelName} is the result's ${formatModelFamily(family)}`);
  }

  const stage = scoreSamples(profile, result, add);

  if (stage !== 'finetune') {
    const resultTokens = result.pretrainImageTokens ?? (result.pretrainImageRes && family ? Math.floor(result.pretrainImageRes / family.patch) ** 2 : null);
    const runTokens = profile.patchTokens ?? profile.namedImageTokens;
    if (resultTokens !== null && runTokens !== null) {
      const from = profile.patchTokens !== null ? `${profile.imageSize} px → ${runTokens} image tokens` : `I${runTokens} in the run name`;
      if (Math.abs(resultTokens - runTokens) <= 1) add('image', 1.5, `${from}, as the result's ${resultTokens}`);
      else add('image', -1.5, `${from}; the result pre-trains with ${resultTokens}`);
    }
    if (result.textTokenLen !== null && profile.textTokens !== null) {
      if (result.textTokenLen === profile.textTokens) add('text', 1, `${profile.textTokens} text tokens (${profile.textTokensFrom}), as the result`);
      else add('text', -1, `${profile.textTokens} text tokens (${profile.textTokensFrom}); the result uses ${result.textTokenLen}`);
    }
  }

  if (result.pretrainDataset && profile.dataset) {
    if (normalizeDatasetName(result.pretrainDataset) === normalizeDatasetName(profile.dataset)) add('dataset', 1.5, `trains on ${profile.dataset}, as the result`);
    else add('dataset', -3, `trains on ${profile.dataset}; the result on ${result.pretrainDataset}`);
  }

  const reduced = (profile.imageSize !== null && profile.imageSize < 224) || (profile.textTokens !== null && profile.textTokens < 32);
  if (result.resultType === 'pretrain-only') {
    if (profile.startsFromCheckpoint) add('stage', -1.5, 'fine-tunes a checkpoint; the result is a pre-training checkpoint');
    else if (reduced) add('stage', 1, 'reduced-token training from scratch, like this pre-training checkpoint');
  } else if (stage === 'finetune' && profile.startsFromCheckpoint) {
    add('stage', 0.5, 'fine-tunes a checkpoint, like the result\'s fine-tuning stage');
  }

  return { result, score: Math.round(score * 100) / 100, reasons, clear: false };
}

/** 1 for equal counts, falling to 0.5 at the 10% limit; null beyond it. */
function closeness(planned: number, reported: number): number | null {
  const relative = Math.abs(planned - reported) / reported;
  return relative <= SAMPLE_TOLERANCE + 1e-12 ? 1 - (0.5 * relative) / SAMPLE_TOLERANCE : null;
}

function scoreSamples(profile: RunProfile, result: ResultFacts, add: (kind: ReasonKind, points: number, text: string) => void): Stage {
  const planned = profile.plannedSamples;
  if (planned === null) return null;
  const total = result.totalSamplesSeen ?? (result.finetuneSamplesSeen === null && result.resultType === 'pretrain-only' ? result.samplesSeen : null);
  const plan = `plans ${formatCount(planned)} samples`;
  const whole = total !== null ? closeness(planned, total) : null;
  if (whole !== null) {
    add('samples', 3 * whole, `${plan}, the result's ${formatCount(total!)} in total`);
    return 'whole';
  }
  const pretrain = result.samplesSeen !== null ? closeness(planned, result.samplesSeen) : null;
  if (pretrain !== null) {
    add('samples', 1.5 * pretrain, `${plan}, the result's ${formatCount(result.samplesSeen!)} pre-training stage`);
    return 'pretrain';
  }
  const finetune = result.finetuneSamplesSeen !== null ? closeness(planned, result.finetuneSamplesSeen) : null;
  if (finetune !== null) {
    add('samples', 1.5 * finetune, `${plan}, the result's ${formatCount(result.finetuneSamplesSeen!)} fine-tuning stage`);
    return 'finetune';
  }
  const stated = [
    result.samplesSeen !== null ? `${formatCount(result.samplesSeen)} pre-training` : null,
    result.finetuneSamplesSeen !== null ? `${formatCount(result.finetuneSamplesSeen)} fine-tuning` : null,
    total !== null ? `${formatCount(total)} in total` : null,
  ].filter((part): part is string => part !== null);
  if (stated.length > 0) add('samples', -2, `${plan}; the result has ${stated.join(', ')}`);
  return null;
}

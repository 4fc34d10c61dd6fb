/**
 * The training stages a reported result states, for comparing one run (one stage) against them.
 *
 * Pre-training comes from the row's columns (samples, resolution, image tokens, text tokens). The
 * fine-tuning stages come from the `finetune` text of clipa_reported.csv, whose phrasing is fixed by
 * the reference data: "512M samples at 224x224 (30% masking) + 128M samples at 336x336 (40% masking)",
 * "…, then 128M samples at 336x336 with 40% masking", "finetune with full tokens: 224x224 image input and
 * 32 text tokens", "finetune with random masking at masking ratio 25%". A count the text does not give
 * falls back to `finetune_samples_seen` when there is a single stage; anything unstated stays null.
 * "none (pre-trained checkpoint…)" has no fine-tuning stage.
 */
import type { ReferenceResult } from './types';

export interface ReferenceStage {
  kind: 'pretrain' | 'finetune';
  samples: number | null;
  imageRes: number | null;
  /** Image tokens as the source counts them (CLIPA-v1 names count the class token: I50 = 7² + 1). */
  imageTokens: number | null;
  /** Fraction of image patches randomly dropped; 0 = full tokens; null when the source does not say. */
  maskRatio: number | null;
  textTokens: number | null;
  /** The stage's text as the source writes it (fine-tuning), for messages. */
  text: string | null;
}

const UNITS: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9 };

function readSamples(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*([KMB])\s+samples/i.exec(text);
  return match ? Math.round(Number(match[1]) * UNITS[match[2]!.toUpperCase()]!) : null;
}

function readResolution(text: string): number | null {
  const match = /(\d{2,4})\s*[x×]\s*(\d{2,4})/.exec(text);
  return match && match[1] === match[2] ? Number(match[1]) : null;
}

function readMaskRatio(text: string): number | null {
  const percent = /(\d{1,2})%\s+(?:random\s+|block\s+|grid\s+)?masking/i.exec(text) ?? /masking ratio\s+(\d{1,2})%/i.exec(text);
  if (percent) return Number(percent[1]) / 100;
  return /no masking|unmasked|full tokens|full input token/i.test(text) ? 0 : null;
}

function readTextTokens(text: string): number | null {
  const match = /(\d{1,3})\s+text tokens/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** The stage texts of a `finetune` cell: split at " + " and ", then ". */
function splitStages(finetune: string): string[] {
  return finetune.split(/\s+\+\s+|,\s+then\s+/).map((part) => part.trim()).filter((part) => part !== '');
}

export function readFinetuneStages(result: Pick<ReferenceResult, 'finetune' | 'finetuneSamplesSeen'>): ReferenceStage[] {
  const text = result.finetune?.trim() ?? '';
  if (text === '' || /^none\b/i.test(text)) {
    return result.finetuneSamplesSeen !== null
      ? [{ kind: 'finetune', samples: result.finetuneSamplesSeen, imageRes: null, imageTokens: null, maskRatio: null, textTokens: null, text: null }]
      : [];
  }
  const parts = splitStages(text);
  const stages = parts.map((part): ReferenceStage => {
    const imageRes = readResolution(part);
    return { kind: 'finetune', samples: readSamples(part), imageRes, imageTokens: null, maskRatio: readMaskRatio(part), textTokens: readTextTokens(part), text: part };
  });
  if (stages.length === 1 && stages[0]!.samples === null) stages[0]!.samples = result.finetuneSamplesSeen;
  return stages;
}

export function readPretrainStage(result: ReferenceResult): ReferenceStage {
  const hasFinetune = readFinetuneStages(result).length > 0;
  return {
    kind: 'pretrain',
    samples: result.samplesSeen ?? (hasFinetune ? null : result.totalSamplesSeen),
    imageRes: result.pretrainImageRes,
    imageTokens: result.pretrainImageTokens,
    maskRatio: null,
    textTokens: result.textTokenLen,
    text: null,
  };
}

/** The fields a diagnostic reads, picked from a stored ReportedResult row or a reference-data seed. */
export function toReferenceResult(row: ReferenceResult): ReferenceResult {
  return {
    resultKey: row.resultKey,
    paperId: row.paperId,
    resultType: row.resultType,
    model: row.model,
    reportedBy: row.reportedBy,
    source: row.source,
    samplesSeen: row.samplesSeen,
    pretrainImageRes: row.pretrainImageRes,
    pretrainImageTokens: row.pretrainImageTokens,
    textTokenLen: row.textTokenLen,
    finetune: row.finetune,
    finetuneSamplesSeen: row.finetuneSamplesSeen,
    totalSamplesSeen: row.totalSamplesSeen,
  };
}

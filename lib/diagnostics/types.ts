import type { ReportedResultSeed } from '@/lib/reference/seed-types';
/**
 * The shapes every diagnostic shares: what it reads (a run's facts, bounded metric series, its
 * evaluations, the reported result it is linked to) and what it says (a finding with a severity,
 * the evidence a person can open, and a check to make).
 */

/** One code per kind of finding; a run holds at most one finding per code (RunDiagnostic's key). */
export const DIAGNOSTIC_CODES = [
  'config_mismatch',
  'loss_non_finite',
  'loss_spike',
  'logit_scale_pinned',
  'data_bottleneck',
  'throughput_drop',
  'throughput_below_peers',
  'stalled',
  'eval_missing',
  'eval_keys_changed',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a config mismatch compares; one entry per field that differs. */
export const CONFIG_FIELDS = ['model', 'image_tokens', 'text_tokens', 'token_reduction', 'stage', 'samples_seen', 'global_batch', 'schedule', 'precision'] as const;
export type ConfigField = (typeof CONFIG_FIELDS)[number];

export interface ConfigMismatch {
  field: ConfigField;
  severity: Severity;
  /** The run's value, with where the run states it ("112 px (force_image_size) → 64 image tokens"). */
  run: string;
  /** The reference value as the source states it. */
  reference: string;
  /** Where the reference value comes from: the reported result's source or a training recipe file. */
  referenceSource: string;
}

export interface DiagnosticEvidence {
  /** The metric key to look at; the evidence link opens the chart that draws it. */
  metric?: string;
  /** Step range the evidence covers (inclusive), on the run's global-step axis. */
  fromStep?: number;
  toStep?: number;
  /** Facts in words: log-line shaped observations ("epoch 3: no zero-shot evaluation"). */
  lines?: string[];
  /** The measured numbers behind the summary. */
  values?: Record<string, number | string | null>;
  mismatches?: ConfigMismatch[];
}

export interface DiagnosticFinding {
  code: DiagnosticCode;
  severity: Severity;
  summary: string;
  evidence: DiagnosticEvidence;
  /** A short check to make next. */
  suggestion: string;
}

/** One point of a series; `value` may be NaN or ±Infinity (a diverged run logs them). */
export interface SeriesPoint {
  step: number;
  value: number;
  epoch: number | null;
  samplesSeen: number | null;
}

/** One stored evaluation value: which key, at which step, after which (possibly fractional) epoch. */
export interface EvalPoint {
  key: string;
  step: number;
  epoch: number | null;
}

export type RunStatus = 'running' | 'finished' | 'failed' | 'crashed';

/** The run's own record: what it states about itself. */
export interface DiagnosticRun {
  key: string;
  name: string;
  status: RunStatus;
  model: string | null;
  /** params.txt (or the out.log `Params:` block) as stored: argument name → value text. */
  config: Readonly<Record<string, string>> | null;
  samplesPerEpoch: number | null;
  epochs: number | null;
  globalBatchSize: number | null;
  gpus: number | null;
  precision: string | null;
  /** Last sign of life (heartbeat or ingest), ms since the epoch; null when never seen. */
  lastActivityAt: number | null;
}

/** The reported result a run is linked to, as the reference data states it. */
export type ReferenceResult = Pick<
  ReportedResultSeed,
  | 'resultKey'
  | 'paperId'
  | 'model'
  | 'reportedBy'
  | 'source'
  | 'samplesSeen'
  | 'pretrainImageRes'
  | 'pretrainImageTokens'
  | 'textTokenLen'
  | 'finetune'
  | 'finetuneSamplesSeen'
  | 'totalSamplesSeen'
> & {
  // A string here: results a lab imports may name types the shipped reference data does not use.
  resultType: string;
};

/** Another run of the same model on the same number of GPUs, reduced to its typical throughput. */
export interface PeerThroughput {
  runKey: string;
  medianPerGpu: number;
}

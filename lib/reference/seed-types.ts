/**
 * The shapes the reference parsers produce and the seed writes: one field per column of the Prisma
 * `Paper` and `ReportedResult` models, minus what the database owns (ids, timestamps, `tolerancePp`).
 */
import type { MetricValues } from '@/lib/metrics/canonical-metrics';

/** `result_type` values: the README's six, plus `benchmark` for rows of the open_clip benchmark tables. */
export const RESULT_TYPES = ['main', 'ablation', 'pretrain-only', 'baseline', 're-evaluation', 'abstract-claim', 'benchmark'] as const;

export type ResultType = (typeof RESULT_TYPES)[number];

export function isResultType(value: string): value is ResultType {
  return (RESULT_TYPES as readonly string[]).includes(value);
}

export interface PaperSeed {
  id: string;
  title: string;
  shortName: string;
  arxivId: string | null;
  url: string | null;
  /** The file the paper's rows came from, with a one-line provenance note. */
  source: string;
}

export interface ReportedResultSeed {
  paperId: string;
  resultKey: string;
  isPrimary: boolean;
  reportedBy: string;
  source: string;
  resultType: ResultType;
  model: string;
  modelOpenclipName: string | null;
  pretrainDataset: string | null;
  samplesSeen: number | null;
  pretrainImageRes: number | null;
  pretrainImageTokens: number | null;
  textTokenLen: number | null;
  finetune: string | null;
  finetuneSamplesSeen: number | null;
  totalSamplesSeen: number | null;
  evalImageRes: number | null;
  /** Canonical metric → percent, only for the values the source gives. */
  metrics: MetricValues;
  gpuHours: number | null;
  gpuHoursBasis: string | null;
  costUsd: number | null;
  computeTotal1e11GflopsXSamples: number | null;
  paramsM: number | null;
  wallclock: string | null;
  notes: string;
  /** The whole source row as text, so nothing the file says is lost. */
  raw: Record<string, string>;
}

export interface ReferenceSeeds {
  papers: PaperSeed[];
  results: ReportedResultSeed[];
}

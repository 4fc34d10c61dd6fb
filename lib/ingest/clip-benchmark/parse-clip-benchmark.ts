/**
 * Parses CLIP_benchmark result files (LAION-AI/CLIP_benchmark `cli.py eval --output`): one JSON object
 * per dataset and task, `{"dataset", "model", "pretrained", "task", "metrics": {name: fraction}, "language"}`.
 *
 * Accepts one object, an array of them, or JSON lines (several result files concatenated), with Python's
 * bare NaN/Infinity. Decisions:
 * - Values are stored raw (fractions, as the file has them) under `clip_benchmark/<dataset>/<metric>`
 *   with the webdataset `wds/` prefix dropped (`toClipBenchmarkKey`); the canonical name and percent
 *   come from the one table in lib/metrics/canonical-metrics.ts at read time, so a later alias applies
 *   to data already stored. Metrics without a canonical meaning (acc5, recall@5, VTAB datasets) are
 *   stored too and listed as unmapped.
 * - All or nothing: any record that does not validate rejects the whole input, naming the field
 *   (`body.2.metrics.acc1`, or `body.line 3.dataset` for JSON lines).
 * - A dataset or metric name listed twice keeps the last value, like re-running the evaluation.
 * - `pretrained` paths of open_clip checkpoints (`…/epoch_32.pt`) give the checkpoint epoch when every
 *   record names the same one; an explicit epoch from the caller wins over it.
 */
import { z } from 'zod';
import { canonicalMetricFor, toClipBenchmarkKey, toPercent, type CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { parseNonFiniteJson } from '../non-finite-json';

export const CLIP_BENCHMARK_KEY_PREFIX = 'clip_benchmark/';
const MAX_KEY_LENGTH = 200;
const KEY_PART = /^[\w./@:-]+$/;

const namePart = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(100, `${what} is at most 100 characters`)
    .regex(KEY_PART, `${what} may contain letters, digits and _ . / @ : -`);

const metricValueSchema = z.custom<number>((value) => typeof value === 'number', 'metric values must be numbers (fractions, as CLIP_benchmark writes them)');

export const clipBenchmarkRecordSchema = z.looseObject({
  dataset: namePart('dataset'),
  task: z.string({ error: 'task must be a string' }).min(1, 'task must not be empty'),
  metrics: z.record(namePart('metric name'), metricValueSchema, { error: 'metrics must be an object of metric name → number' }),
  model: z.string().optional(),
  pretrained: z.string().optional(),
  language: z.string().optional(),
});
export type ClipBenchmarkRecord = z.infer<typeof clipBenchmarkRecordSchema>;

export interface ClipBenchmarkValue {
  /** Stored metric key, `clip_benchmark/<dataset>/<metric>`. */
  key: string;
  /** As in the file (a fraction for accuracies and recalls); NaN and ±Infinity are kept. */
  value: number;
  /** The canonical metric and percent, when the name has a canonical meaning. */
  canonical: { metric: CanonicalMetricName; percent: number } | null;
}

export interface ClipBenchmarkIssue {
  path: string;
  message: string;
}

export type ClipBenchmarkParse =
  | { ok: true; records: ClipBenchmarkRecord[]; values: ClipBenchmarkValue[]; checkpointEpoch: number | null }
  | { ok: false; issues: ClipBenchmarkIssue[] };

/** The stored key of one CLIP_benchmark metric. */
export function toClipBenchmarkMetricKey(dataset: string, metric: string): string {
  return `${CLIP_BENCHMARK_KEY_PREFIX}${toClipBenchmarkKey(dataset, metric)}`;
}

/** The canonical metric a stored `clip_benchmark/…` key means, or null. */
export function canonicalForStoredKey(key: string) {
  if (!key.startsWith(CLIP_BENCHMARK_KEY_PREFIX)) return null;
  return canonicalMetricFor('clip-benchmark', key.slice(CLIP_BENCHMARK_KEY_PREFIX.length));
}

export function parseClipBenchmark(text: string): ClipBenchmarkParse {
  const documents = readDocuments(text.replace(/^\uFEFF/, ''));
  if ('issues' in documents) return { ok: false, issues: documents.issues };
  const issues: ClipBenchmarkIssue[] = [];
  const records: ClipBenchmarkRecord[] = [];
  const values = new Map<string, ClipBenchmarkValue>();
  for (const { path, value } of documents.items) {
    const parsed = clipBenchmarkRecordSchema.safeParse(value);
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((issue) => ({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message })));
      continue;
    }
    records.push(parsed.data);
    for (const [metric, raw] of Object.entries(parsed.data.metrics)) {
      const key = toClipBenchmarkMetricKey(parsed.data.dataset, metric);
      if (key.length > MAX_KEY_LENGTH) {
        issues.push({ path: `${path}.metrics.${metric}`, message: `the metric key ${key.slice(0, 60)}… is longer than ${MAX_KEY_LENGTH} characters` });
        continue;
      }
      const match = canonicalForStoredKey(key);
      const canonical = match && Number.isFinite(raw) ? { metric: match.metric, percent: toPercent(raw, match.scaleToPercent) } : null;
      values.set(key, { key, value: raw, canonical });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (values.size === 0) return { ok: false, issues: [{ path: 'body', message: 'no metric values: every record has an empty "metrics" object' }] };
  return { ok: true, records, values: [...values.values()], checkpointEpoch: readCheckpointEpoch(records) };
}

type Documents = { items: { path: string; value: unknown }[] } | { issues: ClipBenchmarkIssue[] };

function readDocuments(text: string): Documents {
  if (text.trim() === '') return { issues: [{ path: 'body', message: 'empty: send a CLIP_benchmark result object, an array of them, or JSON lines' }] };
  let whole: unknown;
  try {
    whole = parseNonFiniteJson(text);
  } catch {
    return readJsonLines(text);
  }
  if (Array.isArray(whole)) {
    if (whole.length === 0) return { issues: [{ path: 'body', message: 'an empty array: no results' }] };
    return { items: whole.map((value, index) => ({ path: `body.${index}`, value })) };
  }
  return { items: [{ path: 'body', value: whole }] };
}

function readJsonLines(text: string): Documents {
  const items: { path: string; value: unknown }[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const path = `body.line ${index + 1}`;
    try {
      items.push({ path, value: parseNonFiniteJson(line) });
    } catch (error) {
      return { issues: [{ path, message: `not valid JSON (${(error as Error).message})` }] };
    }
  }
  return { items };
}

/** The open_clip checkpoint epoch (`epoch_32.pt`) every record's `pretrained` names; null when they differ or none does. */
function readCheckpointEpoch(records: readonly ClipBenchmarkRecord[]): number | null {
  // At most 6 digits, like the `epoch` query: a longer number is no checkpoint epoch (and no storable step).
  const epochs = new Set(records.map((record) => /(?:^|[/\\])epoch_(\d{1,6})\.pt$/.exec(record.pretrained ?? '')?.[1] ?? null));
  if (epochs.size !== 1) return null;
  const [epoch] = epochs;
  return epoch ? Number(epoch) : null;
}

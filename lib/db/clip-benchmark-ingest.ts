import 'server-only';
/**
 * Stores parsed CLIP_benchmark results as metric points of a run, at the step of the checkpoint they
 * evaluate, in one transaction (all or nothing).
 *
 * The step, found among the run's own training and eval points (never earlier CLIP_benchmark points):
 * - with a checkpoint epoch E: the step of the eval at epoch E (open_clip evaluates and saves
 *   `epoch_E.pt` after E completed epochs), else the last step of any point at epoch E, else the last
 *   step before epoch E; a run with no points at all (a released checkpoint evaluated on its own) uses
 *   E itself, so that two epochs never share a step and overwrite each other;
 * - without an epoch: the run's last step, else 0.
 * Samples seen are those of the points at that step, so the values sit on the samples axis too.
 */
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import { CLIP_BENCHMARK_KEY_PREFIX, type ClipBenchmarkRecord, type ClipBenchmarkValue } from '@/lib/ingest/clip-benchmark/parse-clip-benchmark';
import type { ClipBenchmarkResult } from '@/lib/schemas/scorecard';
import type { Prisma } from '@/prisma/generated/sqlite/client';
import type { Db } from './client';
import { upsertMetricPoints } from './metric-points';
import { INGEST_TRANSACTION, type Tx } from './run-ingest-effects';

export interface ClipBenchmarkUpload {
  records: readonly ClipBenchmarkRecord[];
  values: readonly ClipBenchmarkValue[];
  checkpointEpoch: number | null;
}

export async function ingestClipBenchmark(db: Db, runId: string, upload: ClipBenchmarkUpload, queryEpoch?: number): Promise<ClipBenchmarkResult> {
  const epoch = queryEpoch ?? upload.checkpointEpoch;
  const epochFrom = queryEpoch !== undefined ? 'query' : upload.checkpointEpoch !== null ? 'checkpoint-name' : 'none';
  return db.$transaction(async (tx) => {
    const step = await resolveStep(tx, runId, epoch);
    const atStep = await tx.metricPoint.aggregate({ where: { runId, step, NOT: { key: { startsWith: CLIP_BENCHMARK_KEY_PREFIX } } }, _max: { samplesSeen: true } });
    const samplesSeen = atStep._max.samplesSeen ?? null;
    const points: MetricPointInput[] = upload.values.map((value) => ({ key: value.key, step, epoch, samplesSeen, wallTime: null, value: value.value }));
    const written = await upsertMetricPoints(tx, runId, points);
    return {
      pointsWritten: written,
      records: upload.records.length,
      step,
      epoch,
      epochFrom,
      canonical: upload.values.flatMap((value) => (value.canonical ? [{ key: value.key, metric: value.canonical.metric, percent: value.canonical.percent }] : [])),
      unmapped: upload.values.filter((value) => !value.canonical).map((value) => value.key),
    };
  }, INGEST_TRANSACTION);
}

async function resolveStep(tx: Tx, runId: string, epoch: number | null): Promise<number> {
  const maxStep = async (where: Prisma.MetricPointWhereInput) =>
    (await tx.metricPoint.aggregate({ where: { runId, NOT: { key: { startsWith: CLIP_BENCHMARK_KEY_PREFIX } }, ...where }, _max: { step: true } }))._max.step;
  const last = await maxStep({});
  if (epoch === null) return last ?? 0;
  if (last === null) return epoch;
  return (await maxStep({ epoch, key: { startsWith: 'val/' } })) ?? (await maxStep({ epoch })) ?? (await maxStep({ epoch: { lt: epoch } })) ?? last;
}

import 'server-only';
/**
 * Reads what the diagnostics need for one run, with bounded reads only: a train series of up to
 * DIRECT_POINT_LIMIT points is read whole; a longer one through readSeries' full-range path, whose
 * multi-resolution summaries keep it to about 3 × SERIES_BUCKETS points however long the run is (min,
 * max, last and the first non-finite point of each bucket). Plus the run's evaluation points (a few per
 * epoch), the linked reported result, and the typical throughput of up to PEER_LIMIT runs of the same
 * model and GPU count.
 */
import { BATCH_TIME_KEY, DATA_TIME_KEY } from '@/lib/diagnostics/data-bottleneck';
import type { DiagnoseRunInput } from '@/lib/diagnostics/diagnose-run';
import { LOGIT_SCALE_KEY, pickLossKey } from '@/lib/diagnostics/divergence';
import { toReferenceResult } from '@/lib/diagnostics/reference-stages';
import { PER_GPU_KEY, typicalThroughput } from '@/lib/diagnostics/throughput';
import { readThresholdOverrides, resolveThresholds } from '@/lib/diagnostics/thresholds';
import type { EvalPoint, PeerThroughput, RunStatus, SeriesPoint } from '@/lib/diagnostics/types';
import type { Db } from './client';
import { readSeries } from './metric-points';
import type { StoredSeriesPoint } from './summarized-series';
import { SUMMARY_WIDTHS } from './summary-merge';

/** A series this short is read point by point (every log line counts for sustained windows). */
const DIRECT_POINT_LIMIT = 10_000;
/** Buckets per longer series: enough for sustained windows to show, few enough to read in milliseconds. */
const SERIES_BUCKETS = 2000;
const PEER_BUCKETS = 200;
const PEER_LIMIT = 10;
/** Evaluations are a few points per epoch; this only guards against a client sending val/ keys per step. */
const EVAL_POINT_LIMIT = 50_000;
const RUN_STATUSES: readonly RunStatus[] = ['running', 'finished', 'failed', 'crashed'];

function toSeriesPoint(point: StoredSeriesPoint): SeriesPoint {
  const value = point.nonFinite === null ? (point.value ?? Number.NaN) : point.nonFinite === 'inf' ? Infinity : point.nonFinite === '-inf' ? -Infinity : Number.NaN;
  return { step: Number(point.step), value, epoch: point.epoch, samplesSeen: point.samplesSeen };
}

async function readTrainSeries(db: Db, runId: string, key: string, buckets: number, count = Infinity): Promise<SeriesPoint[]> {
  if (count <= DIRECT_POINT_LIMIT) {
    // Raw: up to 10,000 rows per key, several keys per refresh, and Prisma's row mapping of a read
    // this size cost several times the query itself.
    const points = await db.$queryRaw<StoredSeriesPoint[]>`
      SELECT "step", "epoch", "samplesSeen", "wallTime", "value", "nonFinite" FROM "MetricPoint"
      WHERE "runId" = ${runId} AND "key" = ${key} ORDER BY "step"`;
    return points.map(toSeriesPoint);
  }
  const [series] = await readSeries(db, runId, [key], buckets * 3);
  return (series?.points ?? []).map(toSeriesPoint);
}

function stringRecord(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

async function readPeers(db: Db, run: { id: string; projectId: string; model: string | null; gpus: number | null }, minPoints: number): Promise<PeerThroughput[]> {
  if (run.model === null || run.gpus === null) return [];
  const peers = await db.run.findMany({
    where: { projectId: run.projectId, model: run.model, gpus: run.gpus, id: { not: run.id } },
    orderBy: { updatedAt: 'desc' },
    take: PEER_LIMIT,
    select: { id: true, key: true },
  });
  const measured = await Promise.all(
    peers.map(async (peer) => ({ runKey: peer.key, medianPerGpu: typicalThroughput(await readTrainSeries(db, peer.id, PER_GPU_KEY, PEER_BUCKETS), minPoints) })),
  );
  return measured.filter((peer): peer is PeerThroughput => peer.medianPerGpu !== null);
}

/** Everything diagnoseRun needs for a run, or null when the run does not exist. */
export async function readDiagnoseRunInput(db: Db, runId: string, now: number): Promise<DiagnoseRunInput | null> {
  const run = await db.run.findUnique({
    where: { id: runId },
    include: { project: { select: { staleAfterSeconds: true, diagnosticThresholds: true } }, reportedResult: true },
  });
  if (!run) return null;
  const thresholds = readThresholdOverrides(run.project.diagnosticThresholds);
  // The widest summaries hold every key's point count in a few rows.
  const keyRows = await db.metricSummary.groupBy({
    by: ['key'],
    where: { runId, width: SUMMARY_WIDTHS[SUMMARY_WIDTHS.length - 1], key: keyPrefix('train/') },
    _sum: { count: true },
  });
  const counts = new Map(keyRows.map((row) => [row.key, row._sum.count ?? 0]));
  const present = new Set(counts.keys());
  const lossKey = pickLossKey([...present]);
  const wanted = [lossKey, DATA_TIME_KEY, BATCH_TIME_KEY, PER_GPU_KEY, LOGIT_SCALE_KEY].filter((key): key is string => key !== null && present.has(key));
  const [seriesEntries, evalRows, peers] = await Promise.all([
    Promise.all(wanted.map(async (key) => [key, await readTrainSeries(db, runId, key, SERIES_BUCKETS, counts.get(key))] as const)),
    db.metricPoint.findMany({
      where: { runId, key: keyPrefix('val/') },
      orderBy: { step: 'asc' },
      take: EVAL_POINT_LIMIT,
      select: { key: true, step: true, epoch: true },
    }),
    readPeers(db, run, resolveThresholds(thresholds).throughputMinPoints),
  ]);
  const status = RUN_STATUSES.find((candidate) => candidate === run.status) ?? 'running';
  return {
    run: {
      key: run.key,
      name: run.name,
      status,
      model: run.model,
      config: stringRecord(run.config),
      samplesPerEpoch: run.samplesPerEpoch,
      epochs: run.epochs,
      globalBatchSize: run.globalBatchSize,
      gpus: run.gpus,
      precision: run.precision,
      lastActivityAt: (run.lastHeartbeatAt ?? run.createdAt).getTime(),
    },
    series: Object.fromEntries(seriesEntries),
    evalPoints: evalRows satisfies EvalPoint[],
    reference: run.reportedResult ? toReferenceResult(run.reportedResult) : null,
    peers,
    staleAfterSeconds: run.project.staleAfterSeconds,
    now,
    thresholds,
  };
}

/**
 * Keys starting with `prefix` as a range on the (runId, key, step) index: SQLite's LIKE (what
 * `startsWith` becomes) is case-insensitive and cannot use the index, so it would scan every point.
 */
export function keyPrefix(prefix: string): { gte: string; lt: string } {
  return { gte: prefix, lt: `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}` };
}

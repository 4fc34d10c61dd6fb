import 'server-only';
/**
 * Runs' values of the canonical metrics (lib/metrics/canonical-metrics.ts), read from their stored
 * points: OpenCLIP eval keys as the log parser stores them ('openclip-log', fractions) and CLIP_benchmark
 * results stored as `clip_benchmark/<dataset>/<metric>` ('clip-benchmark', fractions).
 *
 * Decisions: a run's value of a metric is its latest point (highest step) over every key that means the
 * metric; when two sources have a point at that same step (a CLIP_benchmark file attached to the epoch
 * OpenCLIP also evaluated), CLIP_benchmark wins, since open_clip's published tables are made with it.
 * A latest point that is NaN or infinite (a diverged run) gives no value rather than an older one.
 */
import { CLIP_BENCHMARK_KEY_PREFIX } from '@/lib/ingest/clip-benchmark/parse-clip-benchmark';
import { listCanonicalMetrics, toPercent, type CanonicalMetricName, type MetricSource } from '@/lib/metrics/canonical-metrics';
import type { ThroughputPoint } from '@/lib/scorecard/eta';
import type { Db } from './client';

export type RunMetricSource = Extract<MetricSource, 'openclip-log' | 'clip-benchmark'>;

export interface RunMetricValue {
  /** Percent; null when the latest point is not finite. */
  percent: number | null;
  key: string;
  source: RunMetricSource;
  step: number;
  epoch: number | null;
  samplesSeen: number | null;
}

export type RunMetricValues = Partial<Record<CanonicalMetricName, RunMetricValue>>;

interface StoredKey {
  metric: CanonicalMetricName;
  source: RunMetricSource;
  scaleToPercent: number;
}

const STORED_KEYS: ReadonlyMap<string, StoredKey> = (() => {
  const keys = new Map<string, StoredKey>();
  for (const metric of listCanonicalMetrics()) {
    for (const alias of metric.aliases) {
      const stored = { metric: metric.name, scaleToPercent: alias.scaleToPercent };
      if (alias.source === 'openclip-log') keys.set(alias.name, { ...stored, source: alias.source });
      if (alias.source === 'clip-benchmark') keys.set(`${CLIP_BENCHMARK_KEY_PREFIX}${alias.name}`, { ...stored, source: alias.source });
    }
  }
  return keys;
})();

/** The stored metric keys that mean one of these canonical metrics. */
export function storedKeysFor(metrics: readonly CanonicalMetricName[]): string[] {
  return [...STORED_KEYS].filter(([, stored]) => metrics.includes(stored.metric)).map(([key]) => key);
}

const PAIRS_PER_QUERY = 300;

/** Each run's latest value of each requested canonical metric (all of them by default), in percent. */
export async function readRunMetricValues(
  db: Db,
  runIds: readonly string[],
  metrics: readonly CanonicalMetricName[] = listCanonicalMetrics().map((metric) => metric.name),
): Promise<Map<string, RunMetricValues>> {
  const result = new Map<string, RunMetricValues>(runIds.map((id) => [id, {}]));
  const keys = storedKeysFor(metrics);
  if (runIds.length === 0 || keys.length === 0) return result;
  const latest = await db.metricPoint.groupBy({ by: ['runId', 'key'], where: { runId: { in: [...runIds] }, key: { in: keys } }, _max: { step: true } });
  const pairs = latest.filter((group) => group._max.step !== null).map((group) => ({ runId: group.runId, key: group.key, step: group._max.step! }));
  for (let start = 0; start < pairs.length; start += PAIRS_PER_QUERY) {
    const points = await db.metricPoint.findMany({
      where: { OR: pairs.slice(start, start + PAIRS_PER_QUERY) },
      select: { runId: true, key: true, step: true, epoch: true, samplesSeen: true, value: true },
    });
    for (const point of points) {
      const stored = STORED_KEYS.get(point.key)!;
      const values = result.get(point.runId)!;
      const current = values[stored.metric];
      if (current && (current.step > point.step || (current.step === point.step && current.source === 'clip-benchmark'))) continue;
      values[stored.metric] = {
        percent: point.value === null ? null : toPercent(point.value, stored.scaleToPercent),
        key: point.key,
        source: stored.source,
        step: point.step,
        epoch: point.epoch,
        samplesSeen: point.samplesSeen,
      };
    }
  }
  return result;
}

/** Training points per step logged on one line: bounds the rows read for `window` distinct steps. */
const KEYS_PER_STEP_BOUND = 16;

/**
 * The last `window` training steps of each run that carry samples seen and a wall time, oldest first
 * (the input of the ETA). One step logs several `train/` keys with the same samples and time; one is kept.
 */
export async function readRecentThroughput(db: Db, runIds: readonly string[], window: number): Promise<Map<string, ThroughputPoint[]>> {
  const entries = await Promise.all(
    runIds.map(async (runId) => {
      const rows = await db.metricPoint.findMany({
        where: { runId, key: { startsWith: 'train/' }, samplesSeen: { not: null }, wallTime: { not: null } },
        orderBy: { step: 'desc' },
        take: window * KEYS_PER_STEP_BOUND,
        select: { step: true, samplesSeen: true, wallTime: true },
      });
      const bySteps = new Map<number, ThroughputPoint>();
      for (const row of rows) {
        if (bySteps.size >= window && !bySteps.has(row.step)) break;
        if (!bySteps.has(row.step)) bySteps.set(row.step, { samplesSeen: row.samplesSeen!, wallTime: row.wallTime! });
      }
      return [runId, [...bySteps.values()].reverse()] as const;
    }),
  );
  return new Map(entries);
}

import 'server-only';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import type { Series } from '@/lib/schemas/metrics';
import { downsampleMinMaxLast } from '@/lib/charts/downsample';
import type { Db } from './client';
import { updateMetricSummaries, type SummaryTx } from './metric-summaries';
import { sqlNumber, sqlString } from './sql-literals';

type Tx = SummaryTx;

/** Rows per INSERT: long enough to amortise a statement, short enough to keep the SQL text small. */
const ROWS_PER_STATEMENT = 2000;

function nonFiniteLabel(value: number): string | null {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return null;
}

function pointRow(runId: string, point: MetricPointInput): string {
  const nonFinite = nonFiniteLabel(point.value);
  return `(${sqlString(runId)}, ${sqlString(point.key)}, ${sqlNumber(point.step)}, ${sqlNumber(point.epoch)}, ${sqlNumber(
    point.samplesSeen,
  )}, ${sqlNumber(point.wallTime)}, ${nonFinite ? 'NULL' : sqlNumber(point.value)}, ${sqlString(nonFinite)})`;
}

/**
 * Writes points idempotently: (run, key, step) is the identity, and a point sent again replaces the
 * stored one, so re-sent chunks never duplicate and a resumed run's re-logged steps keep the last value.
 */
export async function upsertMetricPoints(
  tx: Tx,
  runId: string,
  input: readonly MetricPointInput[],
  options: { summaries?: boolean } = {},
): Promise<number> {
  // PostgreSQL refuses to update one row twice in a statement, so repeats within a write collapse first.
  const points = [...new Map(input.map((point) => [`${point.key}\u0000${point.step}`, point])).values()];
  for (let start = 0; start < points.length; start += ROWS_PER_STATEMENT) {
    const rows = points.slice(start, start + ROWS_PER_STATEMENT).map((point) => pointRow(runId, point));
    await tx.$executeRawUnsafe(
      `INSERT INTO "MetricPoint" ("runId", "key", "step", "epoch", "samplesSeen", "wallTime", "value", "nonFinite")
      VALUES ${rows.join(', ')}
      ON CONFLICT ("runId", "key", "step") DO UPDATE SET
        "epoch" = excluded."epoch", "samplesSeen" = excluded."samplesSeen", "wallTime" = excluded."wallTime",
        "value" = excluded."value", "nonFinite" = excluded."nonFinite"`,
    );
  }
  // Off only in the ingest benchmark, which measures what the summaries cost.
  if (options.summaries !== false) await updateMetricSummaries(tx, runId, points);
  return points.length;
}

/** Series for charts, reduced to about maxPoints per key with min/max/last buckets over the step axis. */
export async function readSeries(db: Db, runId: string, keys: readonly string[], maxPoints: number): Promise<Series[]> {
  const rows = await db.metricPoint.findMany({
    where: { runId, key: { in: [...keys] } },
    orderBy: [{ key: 'asc' }, { step: 'asc' }],
    select: { key: true, step: true, epoch: true, samplesSeen: true, wallTime: true, value: true, nonFinite: true },
  });
  return keys.map((key) => {
    const points = rows.filter((row) => row.key === key).map(({ key: _key, ...point }) => ({ ...point, x: point.step, y: point.value }));
    return {
      key,
      points: downsampleMinMaxLast(points, Math.max(1, Math.floor(maxPoints / 3))).map(({ x: _x, y: _y, ...point }) => point),
    };
  });
}

import 'server-only';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import { groupPointsByKey, hasIncreasingSteps } from '@/lib/ingest/points-by-key';
import type { Series } from '@/lib/schemas/metrics';
import { downsampleMinMaxLast } from '@/lib/charts/downsample';
import { Prisma } from '@/prisma/generated/sqlite/client';
import type { Db } from './client';
import { findStoredSteps, updateMetricSummaries, type SummaryTx } from './metric-summaries';
import { writeInOrder } from './raw-sql';
import type { SqliteConnection } from './sqlite-connection';
import { writeMetricPointsToSqlite } from './sqlite-metric-points';
import { createSqliteSummaryStore } from './sqlite-summary-store';
import { readSummarizedSeries, type StoredSeriesPoint } from './summarized-series';
import { sqlNumber, sqlString } from './sql-literals';
import { nonFiniteLabel } from './stored-values';
import { createPrismaSummaryStore } from './summary-store';

type Tx = SummaryTx;

/** Rows per INSERT: long enough to amortise a statement, short enough to keep the SQL text small. */
const ROWS_PER_STATEMENT = 2000;

function pointRow(runId: string, point: MetricPointInput): string {
  const nonFinite = nonFiniteLabel(point.value);
  return `(${sqlString(runId)}, ${sqlString(point.key)}, ${sqlNumber(point.step)}, ${sqlNumber(point.epoch)}, ${sqlNumber(
    point.samplesSeen,
  )}, ${sqlNumber(point.wallTime)}, ${nonFinite ? 'NULL' : sqlNumber(point.value)}, ${sqlString(nonFinite)})`;
}

/**
 * One point per (key, step): the last value given, at the position of the first. PostgreSQL refuses
 * to update one row twice in a statement.
 */
function collapseRepeatedSteps(input: readonly MetricPointInput[]): MetricPointInput[] {
  const positions = new Map<string, Map<number, number>>();
  const points: MetricPointInput[] = [];
  for (const point of input) {
    let steps = positions.get(point.key);
    if (!steps) positions.set(point.key, (steps = new Map()));
    const position = steps.get(point.step);
    if (position === undefined) {
      steps.set(point.step, points.length);
      points.push(point);
    } else {
      points[position] = point;
    }
  }
  return points;
}

export interface UpsertMetricPointsOptions {
  /** Off only in the ingest benchmark, which measures what the summaries cost. */
  summaries?: boolean;
  /**
   * The SQLite connection of the client whose transaction `tx` is (findSqliteConnection): points and
   * summaries then go through prepared statements on it instead of queries through Prisma.
   */
  sqlite?: SqliteConnection | null;
}

/**
 * Writes points idempotently: (run, key, step) is the identity, and a point sent again replaces the
 * stored one, so re-sent chunks never duplicate and a resumed run's re-logged steps keep the last value.
 */
export async function upsertMetricPoints(tx: Tx, runId: string, input: readonly MetricPointInput[], options: UpsertMetricPointsOptions = {}): Promise<number> {
  const inputByKey = groupPointsByKey(input);
  const points = hasIncreasingSteps(inputByKey) ? input : collapseRepeatedSteps(input);
  const byKey = points === input ? inputByKey : groupPointsByKey(points);
  const summaries = options.summaries !== false;
  const store = options.sqlite ? createSqliteSummaryStore(options.sqlite, runId) : createPrismaSummaryStore(tx, runId);
  const storedSteps = summaries ? await findStoredSteps(tx, runId, byKey, store) : new Map<string, Set<number>>();
  if (options.sqlite) {
    writeMetricPointsToSqlite(options.sqlite, runId, byKey);
  } else {
    for (let start = 0; start < points.length; start += ROWS_PER_STATEMENT) {
      const rows = points.slice(start, start + ROWS_PER_STATEMENT).map((point) => pointRow(runId, point));
      await writeInOrder(
        tx,
        Prisma.raw(`INSERT INTO "MetricPoint" ("runId", "key", "step", "epoch", "samplesSeen", "wallTime", "value", "nonFinite")
        VALUES ${rows.join(', ')}
        ON CONFLICT ("runId", "key", "step") DO UPDATE SET
          "epoch" = excluded."epoch", "samplesSeen" = excluded."samplesSeen", "wallTime" = excluded."wallTime",
          "value" = excluded."value", "nonFinite" = excluded."nonFinite"`),
      );
    }
  }
  if (summaries) await updateMetricSummaries(tx, runId, byKey, storedSteps, store);
  return points.length;
}

/** Most points a `full` read returns (CSV export); more is refused rather than sent. */
export const FULL_SERIES_MAX_POINTS = 1_000_000;

export class SeriesTooLargeError extends Error {
  constructor(readonly count: number) {
    super(`query.full: the range holds ${count} points, more than the ${FULL_SERIES_MAX_POINTS} a full read returns; narrow it with from/to`);
  }
}

export interface SeriesRange {
  /** First step to read (inclusive). */
  from?: number;
  /** Last step to read (inclusive). */
  to?: number;
  /** Every point in range, without downsampling (for CSV export). */
  full?: boolean;
}

const SERIES_POINT_FIELDS = { step: true, epoch: true, samplesSeen: true, wallTime: true, value: true, nonFinite: true } as const;

/** Downsampled in memory: for ranges (a bounded read on the primary key) and short series. */
async function readReducedSeries(db: Db, runId: string, key: string, maxPoints: number, range: SeriesRange): Promise<StoredSeriesPoint[]> {
  const step = range.from !== undefined || range.to !== undefined ? { gte: range.from, lte: range.to } : undefined;
  const rows = await db.metricPoint.findMany({ where: { runId, key, ...(step ? { step } : {}) }, orderBy: { step: 'asc' }, select: SERIES_POINT_FIELDS });
  if (range.full) return rows;
  const points = rows.map((row) => ({ ...row, x: row.step, y: row.value }));
  const kept = downsampleMinMaxLast(points, Math.max(1, Math.floor(maxPoints / 3)));
  if (points.length > 0 && kept[0] !== points[0]) kept.unshift(points[0]!);
  return kept.map(({ x: _x, y: _y, ...point }) => point);
}

/** A full-range series from the summaries, with its first point (the origin of relative time). */
async function readFullRangeSeries(db: Db, runId: string, key: string, maxPoints: number): Promise<StoredSeriesPoint[]> {
  const summarized = await readSummarizedSeries(db, runId, key, Math.max(1, Math.floor(maxPoints / 3)));
  if (!summarized) return readReducedSeries(db, runId, key, maxPoints, {});
  const first = await db.metricPoint.findFirst({ where: { runId, key }, orderBy: { step: 'asc' }, select: SERIES_POINT_FIELDS });
  return first && summarized[0]?.step !== first.step ? [first, ...summarized] : summarized;
}

/**
 * Series for charts. A full-range chart is served from the multi-resolution summaries (about one
 * bucket per pixel, each giving its min, max and last point), so it never scans a long series; a
 * zoomed range is a bounded read on the (run, key, step) primary key, reduced the same way in
 * memory. `full` returns every point in range (CSV export) and refuses more than FULL_SERIES_MAX_POINTS.
 */
export async function readSeries(db: Db, runId: string, keys: readonly string[], maxPoints: number, range: SeriesRange = {}): Promise<Series[]> {
  if (range.full) {
    const step = range.from !== undefined || range.to !== undefined ? { gte: range.from, lte: range.to } : undefined;
    const count = await db.metricPoint.count({ where: { runId, key: { in: [...keys] }, ...(step ? { step } : {}) } });
    if (count > FULL_SERIES_MAX_POINTS) throw new SeriesTooLargeError(count);
  }
  const ranged = range.full || range.from !== undefined || range.to !== undefined;
  return Promise.all(
    keys.map(async (key) => ({
      key,
      points: ranged ? await readReducedSeries(db, runId, key, maxPoints, range) : await readFullRangeSeries(db, runId, key, maxPoints),
    })),
  );
}

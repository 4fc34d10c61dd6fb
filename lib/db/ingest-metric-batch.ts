import 'server-only';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import type { MetricPointBody } from '@/lib/schemas/metrics';
import type { Db } from './client';
import { upsertMetricPoints } from './metric-points';
import { ingestTransaction } from './ingest-sql';
import { applyIngestEffects } from './run-ingest-effects';
import { findSqliteConnection } from './sqlite-connection';

function toPointInput(point: MetricPointBody): MetricPointInput {
  const value = point.value === 'nan' ? NaN : point.value === 'inf' ? Infinity : point.value === '-inf' ? -Infinity : point.value;
  const wallTime = typeof point.wallTime === 'string' ? Date.parse(point.wallTime) : (point.wallTime ?? null);
  return { key: point.key, step: point.step, value, epoch: point.epoch ?? null, samplesSeen: point.samplesSeen ?? null, wallTime };
}

/** A JSON batch is validated as a whole before this runs, so it is stored whole or not at all. */
export async function ingestMetricBatch(db: Db, runId: string, points: readonly MetricPointBody[]) {
  const inputs = points.map(toPointInput);
  return ingestTransaction(db, async (tx) => {
    const written = await upsertMetricPoints(tx, runId, inputs, { sqlite: findSqliteConnection(db) });
    await applyIngestEffects(tx, runId, inputs);
    return { pointsWritten: written };
  });
}

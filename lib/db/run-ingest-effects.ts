import 'server-only';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import type { Db } from './client';
import { isPostgres } from './client';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export const ZERO_SHOT_TOP1_KEY = 'val/imagenet-zeroshot-val-top1';

/**
 * For every ingest transaction. Prisma's default waits 2 s for a connection, and on PostgreSQL under
 * load (200 clients ingesting at once, the pool busy) a batch then failed with a 500 instead of
 * waiting its turn; out.log chunks already waited up to 30 s.
 */
export const INGEST_TRANSACTION = { timeout: 60_000, maxWait: 30_000 };

/**
 * On PostgreSQL two app processes may ingest into one run at once; a transaction-scoped advisory
 * lock per (run, file) makes cursor read-check-write atomic. SQLite transactions are already serial.
 */
export async function lockIngestSource(tx: Tx, runId: string, source: string): Promise<void> {
  if (!isPostgres()) return;
  // executeRaw: the function returns void, which the pg adapter cannot read back as a query result.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${runId}:${source}`}))`;
}

/** Keeps the run's denormalised progress (samples seen, latest top-1, heartbeat) in step with new points. */
export async function applyIngestEffects(tx: Tx, runId: string, points: readonly MetricPointInput[]): Promise<void> {
  const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { samplesSeen: true } });
  let samplesSeen = run.samplesSeen ?? null;
  for (const point of points) {
    if (point.samplesSeen !== null && Number.isFinite(point.samplesSeen) && (samplesSeen === null || point.samplesSeen > samplesSeen)) {
      samplesSeen = point.samplesSeen;
    }
  }
  let latestTop1: number | null | undefined;
  if (points.some((point) => point.key === ZERO_SHOT_TOP1_KEY)) {
    const latest = await tx.metricPoint.findFirst({
      where: { runId, key: ZERO_SHOT_TOP1_KEY },
      orderBy: { step: 'desc' },
      select: { value: true },
    });
    latestTop1 = latest?.value ?? null;
  }
  await tx.run.update({ where: { id: runId }, data: { samplesSeen, latestTop1, lastHeartbeatAt: new Date() } });
}

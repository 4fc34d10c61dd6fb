import 'server-only';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import type { Db } from './client';
import { isPostgres } from './client';
import { writeInOrder, type RawSql } from './raw-sql';
import { Prisma } from '@/prisma/generated/sqlite/client';

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
export async function lockIngestSource(tx: RawSql, runId: string, source: string): Promise<void> {
  if (!isPostgres()) return;
  // executeRaw: the function returns void, which the pg adapter cannot read back as a query result.
  await writeInOrder(tx, Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`${runId}:${source}`}))`);
}

function highestSamplesSeen(points: readonly MetricPointInput[]): number | null {
  let highest: number | null = null;
  for (const point of points) {
    if (point.samplesSeen !== null && Number.isFinite(point.samplesSeen) && (highest === null || point.samplesSeen > highest)) highest = point.samplesSeen;
  }
  return highest;
}

/**
 * Keeps the run's denormalised progress (samples seen, latest top-1, heartbeat, unparsed lines) in
 * step with new points, in one statement: this runs on every ingest request, where each Prisma
 * model query cost several times a raw one (measured under `npm run bench:load`).
 */
export async function applyIngestEffects(tx: RawSql, runId: string, points: readonly MetricPointInput[], unparsedLines = 0): Promise<void> {
  const now = new Date();
  const highest = highestSamplesSeen(points);
  const samplesSeen =
    highest === null ? Prisma.empty : Prisma.sql`, "samplesSeen" = CASE WHEN "samplesSeen" IS NULL OR "samplesSeen" < ${highest} THEN ${highest} ELSE "samplesSeen" END`;
  const latestTop1 = points.some((point) => point.key === ZERO_SHOT_TOP1_KEY)
    ? Prisma.sql`, "latestTop1" = (SELECT "value" FROM "MetricPoint" WHERE "runId" = ${runId} AND "key" = ${ZERO_SHOT_TOP1_KEY} ORDER BY "step" DESC LIMIT 1)`
    : Prisma.empty;
  const unparsed = unparsedLines > 0 ? Prisma.sql`, "unparsedLines" = "unparsedLines" + ${unparsedLines}` : Prisma.empty;
  // A run deleted meanwhile updates nothing here; its points' foreign key then fails the transaction.
  await writeInOrder(tx, Prisma.sql`UPDATE "Run" SET "lastHeartbeatAt" = ${now}, "updatedAt" = ${now}${samplesSeen}${latestTop1}${unparsed} WHERE "id" = ${runId}`);
}

import 'server-only';
import type { Db } from './client';
import { sqlNumber, sqlString } from './sql-literals';
import { storedText } from './stored-values';
import type { BucketSummary, SummaryPoint } from './summary-merge';

export type SummaryTx = Pick<Db, 'metricSummary' | 'metricPoint' | '$executeRawUnsafe'>;

export interface KeyedSummary {
  key: string;
  summary: BucketSummary;
}

/**
 * The reads and writes of summary maintenance for one run, inside the caller's transaction: through
 * Prisma here, through prepared statements on SQLite's connection in sqlite-summary-store.ts.
 */
export interface SummaryStore {
  /** Stored steps of `key` from `lowest` to `highest`, inclusive. */
  readStepsBetween(key: string, lowest: number, highest: number): Promise<number[]>;
  /** Stored summaries of `key` for the given buckets of each width, in no particular order. */
  readSummaries(key: string, bucketsByWidth: readonly { width: number; buckets: readonly number[] }[]): Promise<BucketSummary[]>;
  /** Stored points of `key` with `from <= step < to`; a non-finite value reads as NaN. */
  readPointsBetween(key: string, from: number, to: number): Promise<SummaryPoint[]>;
  /** Inserts or replaces summaries. */
  writeSummaries(summaries: readonly KeyedSummary[]): Promise<void>;
}

const ROWS_PER_STATEMENT = 1000;

/** Reads look a key up as the literal writers stored it: a key with a NUL character is stored with U+FFFD. */
export function createPrismaSummaryStore(tx: SummaryTx, runId: string): SummaryStore {
  return {
    async readStepsBetween(key, lowest, highest) {
      const where = { runId, key: storedText(key), step: { gte: lowest, lte: highest } };
      return (await tx.metricPoint.findMany({ where, select: { step: true } })).map((row) => row.step);
    },
    async readSummaries(key, bucketsByWidth) {
      return tx.metricSummary.findMany({
        where: { runId, key: storedText(key), OR: bucketsByWidth.map(({ width, buckets }) => ({ width, bucket: { in: [...buckets] } })) },
      });
    },
    async readPointsBetween(key, from, to) {
      const where = { runId, key: storedText(key), step: { gte: from, lt: to } };
      const rows = await tx.metricPoint.findMany({ where, select: { step: true, value: true } });
      return rows.map((row) => ({ step: row.step, value: row.value ?? NaN }));
    },
    async writeSummaries(summaries) {
      const rows = summaries.map(
        ({ key, summary }) =>
          `(${sqlString(runId)}, ${sqlString(key)}, ${summary.width}, ${summary.bucket}, ${sqlNumber(summary.minStep)}, ${sqlNumber(summary.minValue)}, ` +
          `${sqlNumber(summary.maxStep)}, ${sqlNumber(summary.maxValue)}, ${summary.lastStep}, ${sqlNumber(summary.nonFiniteStep)}, ${summary.count})`,
      );
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "MetricSummary" ("runId", "key", "width", "bucket", "minStep", "minValue", "maxStep", "maxValue", "lastStep", "nonFiniteStep", "count")
          VALUES ${rows.slice(start, start + ROWS_PER_STATEMENT).join(', ')}
          ON CONFLICT ("runId", "key", "width", "bucket") DO UPDATE SET
            "minStep" = excluded."minStep", "minValue" = excluded."minValue", "maxStep" = excluded."maxStep", "maxValue" = excluded."maxValue",
            "lastStep" = excluded."lastStep", "nonFiniteStep" = excluded."nonFiniteStep", "count" = excluded."count"`,
        );
      }
    },
  };
}

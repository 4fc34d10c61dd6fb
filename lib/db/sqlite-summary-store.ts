import 'server-only';
import type { SqliteConnection } from './sqlite-connection';
import { insertRows, preparedStatement } from './sqlite-statements';
import { storedNumber, storedText } from './stored-values';
import type { SummaryStore } from './summary-store';
import type { BucketSummary, SummaryPoint } from './summary-merge';

const STEPS_BETWEEN = `SELECT "step" FROM "MetricPoint" WHERE "runId" = ? AND "key" = ? AND "step" >= ? AND "step" <= ?`;
const SUMMARIES_IN = `SELECT "width", "bucket", "minStep", "minValue", "maxStep", "maxValue", "lastStep", "nonFiniteStep", "count"
  FROM "MetricSummary" WHERE "runId" = ? AND "key" = ? AND "width" = ? AND "bucket" IN (SELECT "value" FROM json_each(?))`;
const POINTS_BETWEEN = `SELECT "step", "value" FROM "MetricPoint" WHERE "runId" = ? AND "key" = ? AND "step" >= ? AND "step" < ? ORDER BY "step"`;
const SUMMARY_INSERT = {
  insert: `INSERT INTO "MetricSummary" ("runId", "key", "width", "bucket", "minStep", "minValue", "maxStep", "maxValue", "lastStep", "nonFiniteStep", "count") VALUES`,
  conflict: `ON CONFLICT ("runId", "key", "width", "bucket") DO UPDATE SET
    "minStep" = excluded."minStep", "minValue" = excluded."minValue", "maxStep" = excluded."maxStep", "maxValue" = excluded."maxValue",
    "lastStep" = excluded."lastStep", "nonFiniteStep" = excluded."nonFiniteStep", "count" = excluded."count"`,
  shared: ['runId'],
  columns: 10,
};

/**
 * The summary store on SQLite: cached prepared statements on Prisma's own connection, which must be
 * inside the transaction that writes the points (see sqlite-metric-points.ts). Stores the same values
 * as the Prisma store's SQL literals.
 */
export function createSqliteSummaryStore(connection: SqliteConnection, runId: string): SummaryStore {
  if (!connection.inTransaction) throw new Error('createSqliteSummaryStore: must run inside a transaction on this connection');
  const id = storedText(runId);
  return {
    async readStepsBetween(ranges) {
      const read = preparedStatement(connection, STEPS_BETWEEN).pluck();
      return new Map(ranges.map(({ key, lowest, highest }) => [key, read.all(id, storedText(key), lowest, highest) as number[]]));
    },
    async readSummaries(requests) {
      const read = preparedStatement(connection, SUMMARIES_IN);
      return requests.flatMap(({ key, bucketsByWidth }) =>
        bucketsByWidth.flatMap(({ width, buckets }) => (read.all(id, storedText(key), width, JSON.stringify(buckets)) as BucketSummary[]).map((summary) => ({ key, summary }))),
      );
    },
    async readPointsBetween(key, from, to) {
      const rows = preparedStatement(connection, POINTS_BETWEEN).all(id, storedText(key), from, to) as { step: number; value: number | null }[];
      return rows.map((row): SummaryPoint => ({ step: row.step, value: row.value ?? NaN }));
    },
    async writeSummaries(summaries) {
      insertRows(connection, SUMMARY_INSERT, { runId: id }, summaries, (values, at, { key, summary }) => {
        values[at] = storedText(key);
        values[at + 1] = summary.width;
        values[at + 2] = summary.bucket;
        values[at + 3] = storedNumber(summary.minStep);
        values[at + 4] = storedNumber(summary.minValue);
        values[at + 5] = storedNumber(summary.maxStep);
        values[at + 6] = storedNumber(summary.maxValue);
        values[at + 7] = summary.lastStep;
        values[at + 8] = storedNumber(summary.nonFiniteStep);
        values[at + 9] = summary.count;
      });
    },
  };
}

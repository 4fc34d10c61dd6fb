import 'server-only';
import type { PointsByKey } from '@/lib/ingest/points-by-key';
import type { SqliteConnection } from './sqlite-connection';
import { insertRows } from './sqlite-statements';
import { nonFiniteLabel, storedNumber, storedText } from './stored-values';

const POINT_INSERT = {
  insert: `INSERT INTO "MetricPoint" ("runId", "key", "step", "epoch", "samplesSeen", "wallTime", "value", "nonFinite") VALUES`,
  conflict: `ON CONFLICT ("runId", "key", "step") DO UPDATE SET
    "epoch" = excluded."epoch", "samplesSeen" = excluded."samplesSeen", "wallTime" = excluded."wallTime",
    "value" = excluded."value", "nonFinite" = excluded."nonFinite"`,
  shared: ['runId', 'key'],
  columns: 6,
};

/**
 * Upserts points (each (key, step) at most once) through cached multi-row prepared statements on
 * Prisma's own SQLite connection: on the import benchmark's 800,000 points about 2.5 times faster
 * than SQL text through the driver adapter, whose SQLite must parse every statement anew. Must
 * run inside a `$transaction` of the client that owns `connection`, so the points commit or roll
 * back with the rest of that transaction. Points are written key by key: appends then land next to
 * each other in the (run, key, step) index, and run and key are bound once per statement.
 */
export function writeMetricPointsToSqlite(connection: SqliteConnection, runId: string, byKey: PointsByKey): void {
  if (!connection.inTransaction) throw new Error('writeMetricPointsToSqlite: must run inside a transaction on this connection');
  for (const [key, points] of byKey) {
    insertRows(connection, POINT_INSERT, { runId: storedText(runId), key: storedText(key) }, points, (values, at, point) => {
      const label = nonFiniteLabel(point.value);
      values[at] = storedNumber(point.step);
      values[at + 1] = storedNumber(point.epoch);
      values[at + 2] = storedNumber(point.samplesSeen);
      values[at + 3] = storedNumber(point.wallTime);
      values[at + 4] = label ? null : storedNumber(point.value);
      values[at + 5] = label;
    });
  }
}

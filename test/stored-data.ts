/**
 * Everything ingestion writes, read back in a fixed order and serialised, so a test can assert that
 * a rejected request left the stored data byte-for-byte as it was. API keys are left out on purpose:
 * every authenticated request counts against its key's rate window.
 *
 * With `runId`, the rows of that run in full plus row counts and the latest run update of the whole
 * database (one query): cheap enough to take around every request of a fuzz test, and still sees a
 * write that lands anywhere else.
 */
import type { Db } from '../lib/db/client';

export async function snapshotStoredData(db: Db, scope: { runId?: string } = {}): Promise<string> {
  const byRun = scope.runId ? { runId: scope.runId } : {};
  const runs = await db.run.findMany({ where: scope.runId ? { id: scope.runId } : {}, orderBy: { id: 'asc' } });
  const points = await db.metricPoint.findMany({ where: byRun, orderBy: [{ runId: 'asc' }, { key: 'asc' }, { step: 'asc' }] });
  const summaries = await db.metricSummary.findMany({ where: byRun, orderBy: [{ runId: 'asc' }, { key: 'asc' }, { width: 'asc' }, { bucket: 'asc' }] });
  const cursors = await db.ingestCursor.findMany({ where: byRun, orderBy: [{ runId: 'asc' }, { source: 'asc' }] });
  const totals = scope.runId
    ? await db.$queryRaw<unknown[]>`
        SELECT (SELECT COUNT(*) FROM "Run") AS "runs", (SELECT COUNT(*) FROM "MetricPoint") AS "points",
          (SELECT COUNT(*) FROM "MetricSummary") AS "summaries", (SELECT COUNT(*) FROM "IngestCursor") AS "cursors",
          (SELECT MAX("updatedAt") FROM "Run") AS "lastRunUpdate"`
    : null;
  // Raw counts come back as bigint from SQLite and as number from PostgreSQL.
  return JSON.stringify({ runs, points, summaries, cursors, totals }, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
}

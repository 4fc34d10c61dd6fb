import { beforeAll, describe, expect, it } from 'vitest';
import { testDialect, useFreshDatabase } from '@/test/fresh-database';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import { groupPointsByKey } from '@/lib/ingest/points-by-key';
import type { Db } from './client';
import { upsertMetricPoints } from './metric-points';
import { findSqliteConnection } from './sqlite-connection';
import { writeMetricPointsToSqlite } from './sqlite-metric-points';
import { groupByBucket, summarizeBucket, SUMMARY_WIDTHS } from './summary-merge';

let db: Db;
let projectId: string;
const onSqlite = testDialect() === 'sqlite';

beforeAll(async () => {
  db = useFreshDatabase().db;
  projectId = (await db.project.create({ data: { slug: 'sqlite-points', name: 'SQLite points' } })).id;
});

async function createRun(key: string): Promise<string> {
  return (await db.run.create({ data: { projectId, key, name: key } })).id;
}

async function storedRows(runId: string) {
  const rows = await db.metricPoint.findMany({ where: { runId }, orderBy: [{ key: 'asc' }, { step: 'asc' }] });
  return rows.map(({ runId: _runId, ...row }) => row);
}

async function storedSummaries(runId: string) {
  const rows = await db.metricSummary.findMany({ where: { runId }, orderBy: [{ key: 'asc' }, { width: 'asc' }, { bucket: 'asc' }] });
  return rows.map(({ runId: _runId, ...row }) => row);
}

/** Points whose every field takes a value the two writers could store differently. */
function awkwardPoints(): MetricPointInput[] {
  const values = [0.1, -0, NaN, Infinity, -Infinity, 1e-300, 1.7976931348623157e308, 123456789.123456789, -2.5];
  const keys = ['train/loss', "it's/quoted", 'nul\u0000in/key', 'ünïcødé/✓'];
  const points: MetricPointInput[] = [];
  // 4 keys × 70 steps: two full 128-row statements and a remainder written row by row.
  for (const key of keys) {
    for (let step = 0; step < 70; step += 1) {
      points.push({
        key,
        step: step * 3,
        value: values[step % values.length]!,
        epoch: step % 4 === 0 ? null : step / 7,
        samplesSeen: step % 5 === 0 ? null : step % 5 === 1 ? NaN : step * 1024,
        wallTime: step % 6 === 0 ? null : 1_700_000_000_000 + step * 0.5,
      });
    }
  }
  return points;
}

async function expectSummariesMatchPoints(runId: string) {
  const stored = await db.metricPoint.findMany({ where: { runId }, select: { key: true, step: true, value: true }, orderBy: { step: 'asc' } });
  const expected = [];
  for (const key of [...new Set(stored.map((row) => row.key))].sort()) {
    const points = stored.filter((row) => row.key === key).map((row) => ({ step: row.step, value: row.value ?? NaN }));
    for (const width of SUMMARY_WIDTHS) {
      for (const [bucket, group] of groupByBucket(points, width)) expected.push({ key, ...summarizeBucket(width, bucket, group) });
    }
  }
  expect(await storedSummaries(runId)).toEqual(expected);
}

describe('points written through the SQLite connection', () => {
  it('finds the better-sqlite3 connection under a SQLite client (and none on PostgreSQL)', async () => {
    await db.run.count();
    const connection = findSqliteConnection(db);
    if (!onSqlite) return expect(connection).toBeNull();
    expect(connection).not.toBeNull();
    expect(connection!.open).toBe(true);
  });

  it.skipIf(!onSqlite)('stores exactly what the Prisma path stores, summaries included, also when points are replaced', async () => {
    const [viaPrisma, viaStatements] = [await createRun('prisma'), await createRun('statements')];
    const points = awkwardPoints();
    // Replaces the second half of each key's steps with other values: stored steps, merges and recomputed buckets.
    const replacing = points.filter((point) => point.step >= 105).map((point) => ({ ...point, value: point.step % 7 === 0 ? NaN : -point.step }));
    for (const batch of [points, replacing]) {
      await db.$transaction((tx) => upsertMetricPoints(tx, viaPrisma, batch));
      await db.$transaction((tx) => upsertMetricPoints(tx, viaStatements, batch, { sqlite: findSqliteConnection(db) }));
      const rows = await storedRows(viaStatements);
      expect(rows).toHaveLength(points.length);
      expect(rows).toEqual(await storedRows(viaPrisma));
      expect(await storedSummaries(viaStatements)).toEqual(await storedSummaries(viaPrisma));
    }
    expect((await storedRows(viaStatements)).find((row) => row.key === 'nul\uFFFDin/key' && row.step === 9)).toMatchObject({ value: null, nonFinite: 'inf' });
  });

  it.skipIf(!onSqlite)('is idempotent: the same points sent again leave the same rows and summaries', async () => {
    const runId = await createRun('idempotent');
    const points = awkwardPoints().filter((point) => !point.key.includes('\u0000'));
    const write = (batch: readonly MetricPointInput[]) =>
      db.$transaction((tx) => upsertMetricPoints(tx, runId, batch, { sqlite: findSqliteConnection(db) }));
    await write(points);
    const first = await storedRows(runId);
    await write(points);
    await write(points.slice(100, 200));
    expect(await storedRows(runId)).toEqual(first);
    await expectSummariesMatchPoints(runId);
    // A repeat within one write keeps the last value given.
    await write([{ ...points[0]!, value: 7 }, { ...points[0]!, value: 8 }]);
    expect((await storedRows(runId)).find((row) => row.key === points[0]!.key && row.step === points[0]!.step)?.value).toBe(8);
    await expectSummariesMatchPoints(runId);
  });

  it.skipIf(!onSqlite)('refuses to write outside a transaction, where nothing would roll it back', async () => {
    const runId = await createRun('outside');
    expect(() => writeMetricPointsToSqlite(findSqliteConnection(db)!, runId, groupPointsByKey(awkwardPoints()))).toThrow(/inside a transaction/);
    expect(await db.metricPoint.count({ where: { runId } })).toBe(0);
  });
});

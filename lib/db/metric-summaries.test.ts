import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '@/test/fresh-database';
import type { Db } from './client';
import { upsertMetricPoints } from './metric-points';
import { readSummarizedSeries } from './summarized-series';
import { groupByBucket, summarizeBucket, SUMMARY_WIDTHS } from './summary-merge';

let db: Db;
let runId: string;

beforeAll(async () => {
  db = useFreshDatabase().db;
  const project = await db.project.create({ data: { slug: 'summaries', name: 'Summaries' } });
  runId = (await db.run.create({ data: { projectId: project.id, key: 'r', name: 'r' } })).id;
});

const point = (step: number, value: number) => ({ key: 'train/loss', step, value, epoch: null, samplesSeen: step * 10, wallTime: null });

async function expectSummariesMatchPoints(key = 'train/loss') {
  const stored = await db.metricPoint.findMany({ where: { runId, key }, select: { step: true, value: true } });
  const asPoints = stored.map((row) => ({ step: row.step, value: row.value ?? NaN }));
  for (const width of SUMMARY_WIDTHS) {
    const expected = [...groupByBucket(asPoints, width)].map(([bucket, group]) => summarizeBucket(width, bucket, group));
    const rows = await db.metricSummary.findMany({ where: { runId, key, width }, orderBy: { bucket: 'asc' } });
    expect(rows.map(({ runId: _r, key: _k, ...row }) => row)).toEqual(expected);
  }
}

describe('metric summaries kept at ingest', () => {
  it('match a summary computed from the stored points after chunked appends, overwrites and NaNs', async () => {
    const values = Array.from({ length: 5000 }, (_, step) => point(step, Math.sin(step / 50) + (step === 3001 ? 40 : 0)));
    for (let start = 0; start < values.length; start += 700) {
      await db.$transaction((tx) => upsertMetricPoints(tx, runId, values.slice(start, start + 700)));
    }
    await expectSummariesMatchPoints();
    // A resumed run re-logs steps: the spike at 3001 is overwritten, the minimum of a bucket too.
    await db.$transaction((tx) => upsertMetricPoints(tx, runId, [point(3001, 0.5), point(2900, NaN), point(157, 5)]));
    await expectSummariesMatchPoints();
  });

  it('serves a full-range series from about one bucket per pixel, keeping the spike and the NaN', async () => {
    const series = await readSummarizedSeries(db, runId, 'train/loss', 100);
    expect(series).not.toBeNull();
    expect(series!.length).toBeLessThanOrEqual(4 * 100);
    expect(series!.length).toBeGreaterThan(50);
    expect(series!.some((row) => row.step === 2900 && row.nonFinite === 'nan')).toBe(true);
    const steps = series!.map((row) => row.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(await readSummarizedSeries(db, runId, 'train/loss', 10_000)).toBeNull();
  });

  it('stay exact when one chunk touches more buckets than one PostgreSQL statement takes parameters', async () => {
    // 70,000 points, one per 64-step bucket, over two keys: the summary reads are split into several statements.
    const sparse = (key: string, offset: number) =>
      Array.from({ length: 35_000 }, (_, index) => ({ ...point(index * 64 + offset, Math.cos(index)), key }));
    const chunk = [...sparse('train/sparse-a', 0), ...sparse('train/sparse-b', 0)];
    await db.$transaction((tx) => upsertMetricPoints(tx, runId, chunk), { timeout: 120_000 });
    // Again, shifted by one step: every bucket now has a stored summary to merge into.
    const shifted = [...sparse('train/sparse-a', 1), ...sparse('train/sparse-b', 1)];
    await db.$transaction((tx) => upsertMetricPoints(tx, runId, shifted), { timeout: 120_000 });
    await expectSummariesMatchPoints('train/sparse-a');
    await expectSummariesMatchPoints('train/sparse-b');
  }, 120_000);
});

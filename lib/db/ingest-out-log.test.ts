import { beforeAll, describe, expect, it } from 'vitest';
import { testDialect, useFreshDatabase } from '@/test/fresh-database';
import { writeDemoRun } from '@/lib/demo/openclip-run-writer';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import type { Db } from './client';
import { ingestOutLogChunk } from './ingest-out-log';
import { groupByBucket, summarizeBucket, SUMMARY_WIDTHS } from './summary-merge';

let db: Db;
let projectId: string;

beforeAll(async () => {
  db = useFreshDatabase().db;
  projectId = (await db.project.create({ data: { slug: 'chunks', name: 'Chunks' } })).id;
});

// Every step logged, so a chunk holds a few thousand points: several statements' worth.
const demo = writeDemoRun({
  name: 'b16-chunks', model: 'ViT-B-16', gpus: 4, batchSizePerGpu: 256, stepsPerEpoch: 300, epochs: 2,
  logEveryNSteps: 1, lr: 5e-4, finalTop1: 0.3, perGpuSamplesPerSecond: 600, startMs: Date.UTC(2024, 2, 5, 14, 2, 0), seed: 7,
}).outLog;
/** A resume from a checkpoint re-logs steps 100–199 of epoch 0 with other losses. */
const relogged = demo
  .split('\n')
  .filter((line) => /Train Epoch: 0 \[/.test(line))
  .slice(100, 200)
  .map((line) => line.replace(/Loss: ([\d.]+)/g, (_match, value: string) => `Loss: ${(Number(value) * 2).toFixed(4)}`))
  .join('\n');
const outLog = Buffer.from(`${demo}${relogged}\n`);
const CHUNK_BYTES = 16 * 1024;

async function createRun(key: string): Promise<string> {
  return (await db.run.create({ data: { projectId, key, name: key } })).id;
}

async function storedPoints(runId: string) {
  const rows = await db.metricPoint.findMany({ where: { runId }, orderBy: [{ key: 'asc' }, { step: 'asc' }] });
  return rows.map(({ runId: _runId, ...row }) => row);
}

function expectedPoints() {
  return parseOutLog(outLog.toString('utf8'))
    .points.map(({ key, step, epoch, samplesSeen, wallTime, value }) => ({ key, step, epoch, samplesSeen, wallTime, value, nonFinite: null }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step));
}

/** Everything a chunk may change, to show that a failed one changed none of it. */
async function snapshotRun(runId: string) {
  return {
    points: await storedPoints(runId),
    summaries: await db.metricSummary.findMany({ where: { runId }, orderBy: [{ key: 'asc' }, { width: 'asc' }, { bucket: 'asc' }] }),
    cursor: await db.ingestCursor.findMany({ where: { runId } }),
    run: await db.run.findUniqueOrThrow({ where: { id: runId } }),
  };
}

async function expectSummariesMatchPoints(runId: string) {
  const stored = await db.metricPoint.findMany({ where: { runId }, select: { key: true, step: true, value: true }, orderBy: { step: 'asc' } });
  for (const key of new Set(stored.map((row) => row.key))) {
    const points = stored.filter((row) => row.key === key).map((row) => ({ step: row.step, value: row.value ?? NaN }));
    for (const width of SUMMARY_WIDTHS) {
      const rows = await db.metricSummary.findMany({ where: { runId, key, width }, orderBy: { bucket: 'asc' } });
      const expected = [...groupByBucket(points, width)].map(([bucket, group]) => summarizeBucket(width, bucket, group));
      expect(rows.map(({ runId: _runId, key: _key, ...row }) => row)).toEqual(expected);
    }
  }
}

async function sendFrom(runId: string, start: number, end = outLog.length): Promise<void> {
  for (let offset = start; offset < end; offset += CHUNK_BYTES) {
    await ingestOutLogChunk(db, runId, offset, outLog.subarray(offset, Math.min(end, offset + CHUNK_BYTES)));
  }
}

/** A trigger that fails the statement writing a matching row, as a full disk or a crash would. */
async function installFailure(name: string, table: 'MetricPoint' | 'IngestCursor', when: string): Promise<() => Promise<void>> {
  const events = table === 'IngestCursor' ? ['INSERT', 'UPDATE'] : ['INSERT'];
  if (testDialect() === 'postgres') {
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION reproboard_injected_failure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "${name}" BEFORE ${events.join(' OR ')} ON "${table}" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION reproboard_injected_failure()`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER "${name}" ON "${table}"`));
  }
  for (const event of events) {
    await db.$executeRawUnsafe(`CREATE TRIGGER "${name}_${event}" BEFORE ${event} ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  }
  return async () => {
    for (const event of events) await db.$executeRawUnsafe(`DROP TRIGGER "${name}_${event}"`);
  };
}

describe('ingesting out.log chunks', () => {
  it('stores every point once however the file is cut, and a re-sent chunk changes nothing', async () => {
    const runId = await createRun('resend');
    for (let offset = 0; offset < outLog.length; offset += CHUNK_BYTES) {
      // Each chunk starts 1,000 bytes early, as after a lost acknowledgement.
      const start = Math.max(0, offset - 1000);
      await ingestOutLogChunk(db, runId, start, outLog.subarray(start, offset + CHUNK_BYTES));
    }
    const stored = await storedPoints(runId);
    expect(stored).toEqual(expectedPoints());
    const before = await snapshotRun(runId);
    const again = await ingestOutLogChunk(db, runId, 0, outLog);
    expect(again).toMatchObject({ skippedBytes: outLog.length, pointsWritten: 0 });
    const after = await snapshotRun(runId);
    expect({ ...after, run: { ...after.run, updatedAt: null } }).toEqual({ ...before, run: { ...before.run, updatedAt: null } });
    await expectSummariesMatchPoints(runId);
  });

  it('replaces re-logged steps and keeps the summaries equal to ones computed from the stored points', async () => {
    const runId = await createRun('relogged');
    await sendFrom(runId, 0);
    expect(await storedPoints(runId)).toEqual(expectedPoints());
    await expectSummariesMatchPoints(runId);
  });

  for (const { where, table, when } of [
    { where: 'midway through its points', table: 'MetricPoint' as const, when: `NEW."key" = 'train/loss' AND NEW."step" = 250` },
    { where: 'after its points, at the cursor', table: 'IngestCursor' as const, when: `NEW."offset" > ${3 * CHUNK_BYTES}` },
  ]) {
    it(`leaves neither points, summaries nor cursor behind when a chunk fails ${where}`, async () => {
      const runId = await createRun(`fails-${table}`);
      // The step-250 loss sits in the fourth chunk, after other keys' points of that chunk.
      await sendFrom(runId, 0, 3 * CHUNK_BYTES);
      const before = await snapshotRun(runId);
      const removeFailure = await installFailure(`fail_${table}`, table, when);
      try {
        // Prisma words a trigger's abort in various ways (on SQLite's cursor upsert: as a foreign key error).
        await expect(ingestOutLogChunk(db, runId, 3 * CHUNK_BYTES, outLog.subarray(3 * CHUNK_BYTES, 4 * CHUNK_BYTES))).rejects.toThrow();
      } finally {
        await removeFailure();
      }
      expect(await snapshotRun(runId)).toEqual(before);
      await sendFrom(runId, 3 * CHUNK_BYTES);
      expect(await storedPoints(runId)).toEqual(expectedPoints());
      await expectSummariesMatchPoints(runId);
    });
  }
});

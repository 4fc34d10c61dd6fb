import 'server-only';
import { parseTfeventsChunk } from '@/lib/ingest/tfevents/tfevents-parser';
import { restoreTfeventsState } from '@/lib/ingest/tfevents/tfevents-state';
import type { TfeventsChunkResult } from '@/lib/schemas/tfevents';
import type { Db } from './client';
import { OffsetGapError } from './ingest-out-log';
import { upsertMetricPoints } from './metric-points';
import { applyIngestEffects, lockIngestSource } from './run-ingest-effects';

/** One cursor per event file, so a run folder's several files are followed independently. */
export function tfeventsSource(fileName: string): string {
  return `tensorboard/${fileName}`;
}

/**
 * Appends a chunk of one event file that starts at byte `offset`, with out.log's cursor rules: bytes
 * the server already has are skipped, a chunk that would leave a gap is refused, and an incomplete
 * last record is held (base64) until a later chunk completes it. The run's global batch and epoch
 * size, when known, put the points on the out.log step axis. Points, run progress and cursor are
 * written in one transaction; corrupt records are reported in the result, never fatal.
 */
export async function ingestTfeventsChunk(db: Db, runId: string, fileName: string, offset: number, bytes: Buffer): Promise<TfeventsChunkResult> {
  const source = tfeventsSource(fileName);
  return db.$transaction(
    async (tx) => {
      await lockIngestSource(tx, runId, source);
      const cursor = await tx.ingestCursor.findUnique({ where: { runId_source: { runId, source } } });
      const received = cursor?.offset ?? 0;
      const pending = Buffer.from(cursor?.pending ?? '', 'base64');
      if (offset > received) throw new OffsetGapError(received);
      const skip = received - offset;
      const nothingNew = { offset: received, pendingBytes: pending.length, recordsRead: 0, pointsWritten: 0, corruptCount: 0, corruptRecords: [], skippedValues: 0 };
      if (skip >= bytes.length) return { ...nothingNew, skippedBytes: bytes.length };

      const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { globalBatchSize: true, samplesPerEpoch: true } });
      const result = parseTfeventsChunk(Buffer.concat([pending, bytes.subarray(skip)]), restoreTfeventsState(cursor?.parserState), run);
      const pointsWritten = await upsertMetricPoints(tx, runId, result.points);
      await applyIngestEffects(tx, runId, result.points);
      const cursorData = {
        offset: offset + bytes.length,
        pending: Buffer.from(result.pendingBytes).toString('base64'),
        parserState: result.state as object,
        lineCount: result.state.recordsRead,
        unparsed: result.state.corruptCount,
      };
      await tx.ingestCursor.upsert({
        where: { runId_source: { runId, source } },
        create: { runId, source, ...cursorData },
        update: cursorData,
      });
      return {
        offset: cursorData.offset,
        pendingBytes: result.pendingBytes.length,
        skippedBytes: skip,
        recordsRead: result.recordsRead,
        pointsWritten,
        corruptCount: result.corruptCount,
        corruptRecords: result.corrupt,
        skippedValues: result.skippedValues,
      };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

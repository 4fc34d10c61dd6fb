import 'server-only';
import { createOutLogState, parseOutLogLines, type OutLogRunInfo, type OutLogState } from '@/lib/ingest/openclip/out-log-parser';
import type { LogChunkResult } from '@/lib/schemas/ingest';
import type { Db } from './client';
import { upsertMetricPoints } from './metric-points';
import { mergeRunInfoFields } from './run-info-fields';
import { applyIngestEffects, lockIngestSource, type Tx } from './run-ingest-effects';
import { findSqliteConnection } from './sqlite-connection';

export const OUT_LOG_SOURCE = 'out.log';

export class OffsetGapError extends Error {
  constructor(readonly expectedOffset: number) {
    super(`offset: the server has ${expectedOffset} bytes of this file; send the chunk that starts at or before ${expectedOffset}`);
  }
}

/** Splits decoded text into lines; tqdm's carriage-return updates become lines of their own. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  lines.pop();
  if (!text.includes('\r')) return lines;
  return lines.flatMap((line) => (line.endsWith('\r') ? line.slice(0, -1) : line).split('\r'));
}

async function fillRunInfo(tx: Tx, runId: string, info: OutLogRunInfo): Promise<void> {
  const run = await tx.run.findUniqueOrThrow({ where: { id: runId } });
  await tx.run.update({
    where: { id: runId },
    data: {
      ...mergeRunInfoFields(run, info, 'stored'),
      // The train line's epoch size is exact; params.txt only has the requested number.
      samplesPerEpoch: info.samplesPerEpoch ?? run.samplesPerEpoch,
      config: run.config ?? (info.params && Object.keys(info.params).length > 0 ? info.params : undefined),
    },
  });
}

/**
 * Appends a chunk of out.log that starts at byte `offset` of the file. Bytes the server already
 * has are skipped, an unfinished last line is held (as base64 bytes, since a chunk may end inside a
 * UTF-8 character) until a later chunk completes it, and a chunk that would leave a gap is refused.
 * Points, run info and cursor are written in one transaction: a failed chunk leaves nothing behind.
 */
export async function ingestOutLogChunk(db: Db, runId: string, offset: number, bytes: Buffer): Promise<LogChunkResult> {
  return db.$transaction(
    async (tx) => {
      await lockIngestSource(tx, runId, OUT_LOG_SOURCE);
      const cursor = await tx.ingestCursor.findUnique({ where: { runId_source: { runId, source: OUT_LOG_SOURCE } } });
      const received = cursor?.offset ?? 0;
      const pending = Buffer.from(cursor?.pending ?? '', 'base64');
      if (offset > received) throw new OffsetGapError(received);
      const skip = received - offset;
      const base = { offset: received, pendingBytes: pending.length, linesParsed: 0, pointsWritten: 0, unparsedCount: 0, unparsed: [] };
      if (skip >= bytes.length) return { ...base, skippedBytes: bytes.length };

      const combined = Buffer.concat([pending, bytes.subarray(skip)]);
      const lastNewline = combined.lastIndexOf(0x0a);
      const complete = combined.subarray(0, lastNewline + 1);
      const rest = combined.subarray(lastNewline + 1);
      const state = (cursor?.parserState as OutLogState | null) ?? createOutLogState();
      // PostgreSQL text and jsonb cannot hold NUL; a damaged line keeps its other characters (as in sqlString).
      const text = complete.toString('utf8').replaceAll('\u0000', '\uFFFD');
      const result = parseOutLogLines(splitLines(text), state);

      await upsertMetricPoints(tx, runId, result.points, { sqlite: findSqliteConnection(db) });
      await fillRunInfo(tx, runId, result.info);
      await applyIngestEffects(tx, runId, result.points);
      const cursorData = {
        offset: offset + bytes.length,
        pending: rest.toString('base64'),
        parserState: result.state as object,
        lineCount: (cursor?.lineCount ?? 0) + result.lineCount,
        unparsed: (cursor?.unparsed ?? 0) + result.unparsedCount,
      };
      await tx.ingestCursor.upsert({
        where: { runId_source: { runId, source: OUT_LOG_SOURCE } },
        create: { runId, source: OUT_LOG_SOURCE, ...cursorData },
        update: cursorData,
      });
      if (result.unparsedCount > 0) {
        await tx.run.update({ where: { id: runId }, data: { unparsedLines: { increment: result.unparsedCount } } });
      }
      return {
        offset: cursorData.offset,
        pendingBytes: rest.length,
        skippedBytes: skip,
        linesParsed: result.lineCount,
        pointsWritten: result.points.length,
        unparsedCount: result.unparsedCount,
        unparsed: result.unparsed,
      };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

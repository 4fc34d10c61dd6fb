import 'server-only';
import { restoreOutLogState } from '@/lib/ingest/openclip/out-log-state-restore';
import { buildOutLogRunInfo, createOutLogState, parseOutLogLines, type OutLogRunInfo, type OutLogState } from '@/lib/ingest/openclip/out-log-parser';
import type { LogChunkResult } from '@/lib/schemas/ingest';
import { Prisma } from '@/prisma/generated/sqlite/client';
import { isPostgres, type Db } from './client';
import { upsertMetricPoints } from './metric-points';
import { mergeRunInfoFields } from './run-info-fields';
import { ingestTransaction } from './ingest-sql';
import { writeInOrder, type RawSql } from './raw-sql';
import { applyIngestEffects, lockIngestSource } from './run-ingest-effects';
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

/** JSON text as a value of a Json column: jsonb on PostgreSQL, its text on SQLite (as Prisma stores it). */
function jsonValue(json: string): Prisma.Sql {
  return isPostgres() ? Prisma.sql`CAST(${json} AS jsonb)` : Prisma.sql`${json}`;
}

/** What fillRunInfo reads of the info: equal projections fill the run alike. */
function runInfoFilled(info: OutLogRunInfo): string {
  const { model, gpus, batchSize, globalBatchSize, precision, epochs, samplesPerEpoch, params } = info;
  return JSON.stringify([model, gpus, batchSize, globalBatchSize, precision, epochs, samplesPerEpoch, params]);
}

const RUN_INFO_COLUMNS = ['model', 'gpus', 'batchSize', 'globalBatchSize', 'precision', 'epochs', 'samplesPerEpoch'] as const;

interface StoredRunInfoRow {
  model: string | null;
  gpus: number | bigint | null;
  batchSize: number | bigint | null;
  globalBatchSize: number | bigint | null;
  precision: string | null;
  epochs: number | bigint | null;
  samplesPerEpoch: number | null;
  configMissing: boolean | number | bigint;
}

const numberOrNull = (value: number | bigint | null) => (value === null ? null : Number(value));

/**
 * Fills the run's columns the header states and the run lacks. The header info is cumulative, so
 * every chunk carries it; the row is only written when something changes (rarely after the header).
 */
async function fillRunInfo(tx: RawSql, runId: string, info: OutLogRunInfo): Promise<void> {
  const [row] = await tx.$queryRaw<StoredRunInfoRow[]>`
    SELECT "model", "gpus", "batchSize", "globalBatchSize", "precision", "epochs", "samplesPerEpoch", "config" IS NULL AS "configMissing"
    FROM "Run" WHERE "id" = ${runId}`;
  if (!row) throw new Error(`run ${runId} was deleted while its out.log was being stored`);
  const stored = {
    model: row.model,
    gpus: numberOrNull(row.gpus),
    batchSize: numberOrNull(row.batchSize),
    globalBatchSize: numberOrNull(row.globalBatchSize),
    precision: row.precision,
    epochs: numberOrNull(row.epochs),
    samplesPerEpoch: row.samplesPerEpoch,
  };
  const filled = {
    ...mergeRunInfoFields(stored, info, 'stored'),
    // The train line's epoch size is exact; params.txt only has the requested number.
    samplesPerEpoch: info.samplesPerEpoch ?? stored.samplesPerEpoch,
  };
  const config = Boolean(Number(row.configMissing)) && info.params && Object.keys(info.params).length > 0 ? JSON.stringify(info.params) : null;
  if (config === null && RUN_INFO_COLUMNS.every((column) => filled[column] === stored[column])) return;
  const setConfig = config === null ? Prisma.empty : Prisma.sql`, "config" = ${jsonValue(config)}`;
  await writeInOrder(
    tx,
    Prisma.sql`
    UPDATE "Run" SET "model" = ${filled.model}, "gpus" = ${filled.gpus}, "batchSize" = ${filled.batchSize}, "globalBatchSize" = ${filled.globalBatchSize},
      "precision" = ${filled.precision}, "epochs" = ${filled.epochs}, "samplesPerEpoch" = ${filled.samplesPerEpoch}${setConfig}
    WHERE "id" = ${runId}`,
  );
}

interface CursorRow {
  offset: number | bigint;
  pending: string;
  parserState: unknown;
  lineCount: number | bigint;
  unparsed: number | bigint;
}

async function readCursor(tx: RawSql, runId: string) {
  const [row] = await tx.$queryRaw<CursorRow[]>`
    SELECT "offset", "pending", "parserState", "lineCount", "unparsed" FROM "IngestCursor" WHERE "runId" = ${runId} AND "source" = ${OUT_LOG_SOURCE}`;
  if (!row) return null;
  // SQLite hands the JSON column back as its text.
  const parserState = typeof row.parserState === 'string' ? (JSON.parse(row.parserState) as unknown) : row.parserState;
  return { offset: Number(row.offset), pending: row.pending, parserState: parserState as OutLogState | null, lineCount: Number(row.lineCount), unparsed: Number(row.unparsed) };
}

interface CursorWrite {
  offset: number;
  pending: string;
  parserState: OutLogState;
  lineCount: number;
  unparsed: number;
}

async function writeCursor(tx: RawSql, runId: string, cursor: CursorWrite): Promise<void> {
  const parserState = jsonValue(JSON.stringify(cursor.parserState));
  await writeInOrder(
    tx,
    Prisma.sql`
    INSERT INTO "IngestCursor" ("runId", "source", "offset", "pending", "parserState", "lineCount", "unparsed", "updatedAt")
    VALUES (${runId}, ${OUT_LOG_SOURCE}, ${cursor.offset}, ${cursor.pending}, ${parserState}, ${cursor.lineCount}, ${cursor.unparsed}, ${new Date()})
    ON CONFLICT ("runId", "source") DO UPDATE SET
      "offset" = excluded."offset", "pending" = excluded."pending", "parserState" = excluded."parserState",
      "lineCount" = excluded."lineCount", "unparsed" = excluded."unparsed", "updatedAt" = excluded."updatedAt"`,
  );
}

/**
 * Appends a chunk of out.log that starts at byte `offset` of the file. Bytes the server already
 * has are skipped, an unfinished last line is held (as base64 bytes, since a chunk may end inside a
 * UTF-8 character) until a later chunk completes it, and a chunk that would leave a gap is refused.
 * Points, run info and cursor are written in one transaction: a failed chunk leaves nothing behind.
 * Every chunk runs this, so its reads and writes are raw statements (a Prisma model query cost
 * several times as much CPU; measured under `npm run bench:load`).
 */
export async function ingestOutLogChunk(db: Db, runId: string, offset: number, bytes: Buffer): Promise<LogChunkResult> {
  return ingestTransaction(db, async (tx) => {
    await lockIngestSource(tx, runId, OUT_LOG_SOURCE);
    const cursor = await readCursor(tx, runId);
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
    const state = cursor?.parserState ?? createOutLogState();
    // PostgreSQL text and jsonb cannot hold NUL; a damaged line keeps its other characters (as in sqlString).
    const text = complete.toString('utf8').replaceAll('\u0000', '\uFFFD');
    const result = parseOutLogLines(splitLines(text), state);

    await upsertMetricPoints(tx, runId, result.points, { sqlite: findSqliteConnection(db) });
    // The info is cumulative: when this chunk added nothing to it, an earlier chunk already filled the run with it.
    if (!cursor?.parserState || runInfoFilled(buildOutLogRunInfo(restoreOutLogState(cursor.parserState))) !== runInfoFilled(result.info)) {
      await fillRunInfo(tx, runId, result.info);
    }
    await applyIngestEffects(tx, runId, result.points, result.unparsedCount);
    const cursorData = {
      offset: offset + bytes.length,
      pending: rest.toString('base64'),
      parserState: result.state,
      lineCount: (cursor?.lineCount ?? 0) + result.lineCount,
      unparsed: (cursor?.unparsed ?? 0) + result.unparsedCount,
    };
    await writeCursor(tx, runId, cursorData);
    return {
      offset: cursorData.offset,
      pendingBytes: rest.length,
      skippedBytes: skip,
      linesParsed: result.lineCount,
      pointsWritten: result.points.length,
      unparsedCount: result.unparsedCount,
      unparsed: result.unparsed,
    };
  });
}

import 'server-only';
import { parseParamsTxt } from '@/lib/ingest/openclip/params-txt-parser';
import { parseResultsJsonl } from '@/lib/ingest/openclip/results-jsonl-parser';
import type { Db } from './client';
import { upsertMetricPoints } from './metric-points';
import { mergeRunInfoFields } from './run-info-fields';
import { applyIngestEffects, INGEST_TRANSACTION, lockIngestSource, type Tx } from './run-ingest-effects';

async function recordWholeFile(tx: Tx, runId: string, source: string, bytes: number, rows: number, unparsed: number) {
  const data = { offset: bytes, pending: '', lineCount: rows, unparsed };
  await tx.ingestCursor.upsert({
    where: { runId_source: { runId, source } },
    create: { runId, source, ...data },
    update: data,
  });
}

/** params.txt is rewritten at every launch, so the latest upload replaces the run's config. */
export async function ingestParamsTxt(db: Db, runId: string, text: string) {
  const parsed = parseParamsTxt(text);
  const { info } = parsed;
  return db.$transaction(async (tx) => {
    await lockIngestSource(tx, runId, 'params.txt');
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId } });
    await tx.run.update({
      where: { id: runId },
      data: {
        config: parsed.params,
        ...mergeRunInfoFields(run, info, 'info'),
        samplesPerEpoch: run.samplesPerEpoch ?? info.samplesPerEpoch,
        lastHeartbeatAt: new Date(),
      },
    });
    const rows = Object.keys(parsed.params).length;
    await recordWholeFile(tx, runId, 'params.txt', Buffer.byteLength(text), rows, parsed.unparsed.length);
    return { pointsWritten: 0, rows, unparsedCount: parsed.unparsed.length, unparsed: parsed.unparsed.slice(0, 50) };
  }, INGEST_TRANSACTION);
}

function positiveNumber(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * results.jsonl lines of zero-shot-only evaluations carry no epoch; the epochs of the eval lines
 * already ingested from out.log (in step order) are the best source for them.
 */
export async function ingestResultsJsonl(db: Db, runId: string, text: string) {
  return db.$transaction(async (tx) => {
    await lockIngestSource(tx, runId, 'results.jsonl');
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId } });
    const evalRows = await tx.metricPoint.findMany({
      where: { runId, key: { startsWith: 'val/' }, epoch: { not: null } },
      distinct: ['step'],
      orderBy: { step: 'asc' },
      select: { epoch: true },
    });
    const config = (run.config ?? {}) as Record<string, unknown>;
    const stepsPerEpoch =
      run.samplesPerEpoch && run.globalBatchSize ? Math.ceil(run.samplesPerEpoch / run.globalBatchSize) : null;
    const parsed = parseResultsJsonl(text, {
      evalEpochs: evalRows.length > 0 ? evalRows.map((row) => row.epoch!) : undefined,
      zeroshotFrequency: positiveNumber(config.zeroshot_frequency),
      epochs: run.epochs ?? positiveNumber(config.epochs),
      stepsPerEpoch,
      samplesPerEpoch: run.samplesPerEpoch,
    });
    await upsertMetricPoints(tx, runId, parsed.points);
    await applyIngestEffects(tx, runId, parsed.points);
    await recordWholeFile(tx, runId, 'results.jsonl', Buffer.byteLength(text), parsed.rows, parsed.unparsed.length);
    return {
      pointsWritten: parsed.points.length,
      rows: parsed.rows,
      unparsedCount: parsed.unparsed.length,
      unparsed: parsed.unparsed.slice(0, 50),
    };
  }, INGEST_TRANSACTION);
}

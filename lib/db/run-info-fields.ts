import type { RunInfoFromParams } from '@/lib/ingest/openclip/run-info-from-params';

interface StoredRunInfo {
  model: string | null;
  gpus: number | null;
  batchSize: number | null;
  globalBatchSize: number | null;
  precision: string | null;
  epochs: number | null;
}

/** Largest value of the Int columns (32-bit on PostgreSQL). */
const MAX_INT_COLUMN = 2_147_483_647;

/** A count the log states but no Int column can hold (a damaged or absurd line) counts as not stated. */
function storableCount(value: number | undefined): number | undefined {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0 && value <= MAX_INT_COLUMN ? value : undefined;
}

/**
 * The run columns a parser's run info fills. params.txt is rewritten at every launch, so it
 * overrides what is stored (`prefer: 'info'`); the out.log header only fills gaps (`'stored'`).
 */
export function mergeRunInfoFields(stored: StoredRunInfo, info: RunInfoFromParams, prefer: 'info' | 'stored'): StoredRunInfo {
  const pick = <T>(fromInfo: T | undefined, current: T | null): T | null =>
    prefer === 'info' ? (fromInfo ?? current) : (current ?? fromInfo ?? null);
  return {
    model: pick(info.model, stored.model),
    gpus: pick(storableCount(info.gpus), stored.gpus),
    batchSize: pick(storableCount(info.batchSize), stored.batchSize),
    globalBatchSize: pick(storableCount(info.globalBatchSize), stored.globalBatchSize),
    precision: pick(info.precision, stored.precision),
    epochs: pick(storableCount(info.epochs), stored.epochs),
  };
}

import type { RunInfoFromParams } from '@/lib/ingest/openclip/run-info-from-params';

interface StoredRunInfo {
  model: string | null;
  gpus: number | null;
  batchSize: number | null;
  globalBatchSize: number | null;
  precision: string | null;
  epochs: number | null;
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
    gpus: pick(info.gpus, stored.gpus),
    batchSize: pick(info.batchSize, stored.batchSize),
    globalBatchSize: pick(info.globalBatchSize, stored.globalBatchSize),
    precision: pick(info.precision, stored.precision),
    epochs: pick(info.epochs, stored.epochs),
  };
}

import 'server-only';
import { readEnv } from '@/lib/env';
import { countLines } from '@/lib/ingest/count-lines';
import { ApiError } from './api-error';

/**
 * Lines per text upload (an out.log chunk, params.txt, results.jsonl), checked on the raw bytes
 * before anything is parsed or stored, so an over-limit chunk leaves nothing behind.
 */
export function requireLineLimit(bytes: Uint8Array): void {
  const limit = readEnv().REPROBOARD_MAX_LINES_PER_CHUNK;
  if (countLines(bytes, limit) <= limit) return;
  throw new ApiError(
    'payload_too_large',
    `body: more than the limit of ${limit} lines per chunk (REPROBOARD_MAX_LINES_PER_CHUNK); send it in smaller chunks`,
    undefined,
    { limitLines: limit, setting: 'REPROBOARD_MAX_LINES_PER_CHUNK' },
  );
}

/**
 * Points per JSON batch, counted on the parsed body before each point is validated, so an
 * oversize batch is a 413 whatever its points hold and costs no validation.
 */
export function requirePointLimit(body: unknown): void {
  const limit = readEnv().REPROBOARD_MAX_POINTS_PER_BATCH;
  const points = typeof body === 'object' && body !== null ? (body as { points?: unknown }).points : undefined;
  if (!Array.isArray(points) || points.length <= limit) return;
  throw new ApiError(
    'payload_too_large',
    `body.points: ${points.length} points, more than the limit of ${limit} points per batch (REPROBOARD_MAX_POINTS_PER_BATCH); send them in smaller batches`,
    undefined,
    { limitPoints: limit, setting: 'REPROBOARD_MAX_POINTS_PER_BATCH' },
  );
}

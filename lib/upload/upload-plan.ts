/**
 * The order a run folder is sent in, and the byte ranges of chunked files. params.txt goes first so
 * the run's config (model, batch size, epochs) is known before its curves; out.log before
 * results.jsonl as the CLI does; event files last, oldest launch first (their names start with a
 * timestamp).
 */
import type { FoundRunFile, PickedFile, RunFileKind } from './classify-run-files';

/** 4 MiB: half the server's default chunk limit (REPROBOARD_MAX_LOG_CHUNK_BYTES, 8 MiB). */
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

const ORDER: Record<RunFileKind, number> = { params: 0, outLog: 1, results: 2, tfevents: 3 };

/** Files the server takes in chunks with an `?offset=` cursor; the others are sent whole with PUT. */
export function isChunked(kind: RunFileKind): boolean {
  return kind === 'outLog' || kind === 'tfevents';
}

export function planUpload<T extends PickedFile>(found: readonly FoundRunFile<T>[]): FoundRunFile<T>[] {
  return [...found].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.name.localeCompare(b.name));
}

export interface ByteRange {
  start: number;
  end: number;
}

/** The next chunk from `offset` (the server's cursor), or null when the file is all sent. */
export function nextChunk(offset: number, size: number, chunkBytes: number): ByteRange | null {
  if (chunkBytes <= 0) throw new RangeError('chunkBytes must be positive');
  if (offset >= size) return null;
  const start = Math.max(0, offset);
  return { start, end: Math.min(size, start + chunkBytes) };
}

/** Every chunk of a file sent from byte 0, for estimates; the real upload follows the server's cursor. */
export function chunkRanges(size: number, chunkBytes: number): ByteRange[] {
  const ranges: ByteRange[] = [];
  for (let range = nextChunk(0, size, chunkBytes); range; range = nextChunk(range.end, size, chunkBytes)) ranges.push(range);
  return ranges;
}

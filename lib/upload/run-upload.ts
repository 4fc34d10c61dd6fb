/**
 * Sends a planned run folder through the ingestion API: check the key, create the run, then each
 * file in order. Chunked files are read one `Blob.slice` at a time (never whole) and sent
 * sequentially from the server's cursor, so a repeated upload skips what the server already has and
 * memory stays at one chunk. The API is injected, which keeps this testable without a server.
 */
import type { LogChunkResult } from '@/lib/schemas/ingest';
import type { TfeventsChunkResult } from '@/lib/schemas/tfevents';
import type { RunUpsertInput } from '@/lib/schemas/run';
import type { FoundRunFile, PickedFile } from './classify-run-files';
import { isChunked, nextChunk } from './upload-plan';
import { addChunkResult, startProgress, updateFile, type UploadProgress } from './upload-progress';
import { backoffDelay, classifyFailure, sleep, UPLOAD_RETRY_POLICY, type RetryPolicy } from './upload-retry';

export interface WholeFileResult {
  pointsWritten: number;
  rows: number;
  unparsedCount: number;
}

export interface UploadApi {
  checkKey(): Promise<void>;
  upsertRun(run: string, input: RunUpsertInput): Promise<unknown>;
  uploadParamsTxt(run: string, content: string): Promise<WholeFileResult>;
  uploadResultsJsonl(run: string, content: string): Promise<WholeFileResult>;
  sendOutLogChunk(run: string, offset: number, bytes: Uint8Array): Promise<LogChunkResult>;
  sendTfeventsChunk(run: string, file: string, offset: number, bytes: Uint8Array): Promise<TfeventsChunkResult>;
}

export interface UploadableFile extends PickedFile {
  blob: Blob;
}

export interface RunUploadOptions {
  api: UploadApi;
  runKey: string;
  files: readonly FoundRunFile<UploadableFile>[];
  /** Status to give the run at the end; null leaves it as the server decides. */
  finalStatus: 'finished' | null;
  chunkBytes: number;
  signal: AbortSignal;
  onProgress: (progress: UploadProgress) => void;
  retryPolicy?: RetryPolicy;
}

/** A run of offset_gap answers this long means client and server disagree for good. */
const MAX_CURSOR_MOVES = 5;

export class UploadStalledError extends Error {}

export async function runUpload(options: RunUploadOptions): Promise<UploadProgress> {
  const { api, runKey, files, signal } = options;
  let progress = startProgress(files.map((file) => ({ relativePath: file.relativePath, kind: file.kind, size: file.item.size })));
  const report = (next: UploadProgress) => {
    progress = next;
    options.onProgress(progress);
  };
  const call = <T>(request: () => Promise<T>) =>
    withRetry(request, signal, options.retryPolicy ?? UPLOAD_RETRY_POLICY, (retry) => report({ ...progress, retry }));

  report(progress);
  await call(() => api.checkKey());
  report({ ...progress, phase: 'creating-run' });
  await call(() => api.upsertRun(runKey, { name: runKey }));
  report({ ...progress, phase: 'sending' });
  for (const [index, file] of files.entries()) {
    signal.throwIfAborted();
    report(updateFile(progress, index, { status: 'sending' }));
    if (isChunked(file.kind)) {
      await sendChunked(file, index);
    } else {
      const content = await file.item.blob.text();
      const result = await call(() => (file.kind === 'params' ? api.uploadParamsTxt(runKey, content) : api.uploadResultsJsonl(runKey, content)));
      report(addChunkResult(progress, index, { sentBytes: file.item.size, linesParsed: result.rows, pointsWritten: result.pointsWritten, unparsed: result.unparsedCount }));
    }
    report(updateFile(progress, index, { status: 'done', sentBytes: file.item.size }));
  }
  if (options.finalStatus) {
    report({ ...progress, phase: 'finishing' });
    await call(() => api.upsertRun(runKey, { status: options.finalStatus! }));
  }
  report({ ...progress, phase: 'done' });
  return progress;

  /** One chunk to the file's route, its answer reduced to what progress shows. */
  async function sendChunk(file: FoundRunFile<UploadableFile>, offset: number, bytes: Uint8Array) {
    if (file.kind === 'outLog') {
      const answer = await api.sendOutLogChunk(runKey, offset, bytes);
      return { offset: answer.offset, linesParsed: answer.linesParsed, pointsWritten: answer.pointsWritten, unparsed: answer.unparsedCount, skippedBytes: answer.skippedBytes };
    }
    const answer = await api.sendTfeventsChunk(runKey, file.name, offset, bytes);
    return { offset: answer.offset, linesParsed: answer.recordsRead, pointsWritten: answer.pointsWritten, unparsed: answer.corruptCount, skippedBytes: answer.skippedBytes };
  }

  async function sendChunked(file: FoundRunFile<UploadableFile>, index: number): Promise<void> {
    const size = file.item.size;
    let offset = 0;
    let cursorMoves = 0;
    for (let range = nextChunk(offset, size, options.chunkBytes); range; range = nextChunk(offset, size, options.chunkBytes)) {
      const bytes = new Uint8Array(await file.item.blob.slice(range.start, range.end).arrayBuffer());
      const start = range.start;
      try {
        const answer = await call(() => sendChunk(file, start, bytes));
        if (answer.offset <= start) throw new UploadStalledError(`${file.relativePath}: the server did not move past byte ${start}`);
        offset = answer.offset;
        cursorMoves = 0;
        report(addChunkResult(progress, index, { ...answer, sentBytes: offset }));
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.action !== 'move-cursor' || ++cursorMoves > MAX_CURSOR_MOVES) throw error;
        // The server holds a different number of bytes than we assumed: continue from its cursor.
        offset = failure.offset;
        report(updateFile(progress, index, { sentBytes: Math.min(size, offset) }));
      }
    }
  }
}

/** Calls `request`, trying again after a backoff while the failure is transient. */
async function withRetry<T>(
  request: () => Promise<T>,
  signal: AbortSignal,
  policy: RetryPolicy,
  onRetry: (retry: NonNullable<UploadProgress['retry']>) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    signal.throwIfAborted();
    try {
      return await request();
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.action !== 'retry' || attempt + 1 >= policy.maxAttempts) throw error;
      const delayMs = backoffDelay(attempt, policy);
      onRetry({ attempt: attempt + 1, delayMs, reason: failure.reason });
      await sleep(delayMs, signal);
    }
  }
}

/**
 * Sends TensorBoard event files to `POST …/tfevents/{file}?offset=N` as raw bytes and maps the answer
 * (records read, corrupt records) onto the follower's chunk acknowledgement. A server without that
 * route answers 404 for it; the CLI then says so once and carries on without event files, since
 * out.log, params.txt and results.jsonl hold the same training curves.
 */
import { classifyFailure } from './classify-failure';
import type { ChunkAck } from './follow-totals';
import type { RunApi } from './run-api';

export class EventFilesUnsupportedError extends Error {
  constructor(readonly server: string) {
    super(`the server at ${server} does not accept TensorBoard event files (no tfevents route); sending out.log, params.txt and results.jsonl only`);
  }
}

/** The fields of the tfevents answer the CLI reads; the rest is the server's business. */
export interface EventChunkAnswer {
  offset: number;
  pendingBytes?: number;
  recordsRead?: number;
  pointsWritten?: number;
  corruptCount?: number;
  corruptRecords?: { offset: number; reason: string }[];
}

export function toChunkAck(answer: EventChunkAnswer): ChunkAck {
  return {
    offset: answer.offset,
    pendingBytes: answer.pendingBytes,
    linesParsed: answer.recordsRead,
    pointsWritten: answer.pointsWritten,
    unparsedCount: answer.corruptCount,
    unparsed: answer.corruptRecords?.map((record) => ({ line: record.offset, text: `record at byte ${record.offset}`, reason: record.reason })),
  };
}

export function createEventFileSender(api: RunApi, server: string, file: string) {
  return async (offset: number, bytes: Uint8Array): Promise<ChunkAck> => {
    try {
      return toChunkAck(await api.sendTfeventsChunk(file, offset, bytes));
    } catch (error) {
      if (classifyFailure(error) === 'route-missing') throw new EventFilesUnsupportedError(server);
      throw error;
    }
  };
}

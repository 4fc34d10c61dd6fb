import { describe, expect, it } from 'vitest';
import { ReproboardApiError } from '@/lib/client/reproboard-client';
import { classifyRunFiles } from './classify-run-files';
import { runUpload, type UploadableFile, type UploadApi } from './run-upload';
import { planUpload } from './upload-plan';
import { summarizeProgress, type UploadProgress } from './upload-progress';

const noWait = { baseMs: 0, maxMs: 0, maxAttempts: 3 };

function folder(files: Record<string, string | Uint8Array<ArrayBuffer>>) {
  const items: UploadableFile[] = Object.entries(files).map(([path, content]) => {
    const blob = new Blob([content]);
    return { path, size: blob.size, blob };
  });
  return planUpload(classifyRunFiles(items).found);
}

/** An in-memory server with the API's cursor rules: skip bytes it has, refuse gaps with 409. */
function fakeServer() {
  const calls: string[] = [];
  const streams = new Map<string, number>();
  const failures: unknown[] = [];
  const append = (stream: string, offset: number, bytes: Uint8Array) => {
    const failure = failures.shift();
    if (failure) throw failure;
    const received = streams.get(stream) ?? 0;
    calls.push(`${stream}@${offset}+${bytes.length}`);
    if (offset > received) throw new ReproboardApiError(409, 'offset_gap', `offset: expected ${received}`, { expectedOffset: received });
    const skipped = Math.min(bytes.length, received - offset);
    streams.set(stream, offset + bytes.length > received ? offset + bytes.length : received);
    const lines = new TextDecoder().decode(bytes.subarray(skipped)).split('\n').length - 1;
    return { offset: streams.get(stream)!, pendingBytes: 0, skippedBytes: skipped, pointsWritten: lines * 2 };
  };
  const api: UploadApi = {
    checkKey: async () => void calls.push('check'),
    upsertRun: async (run, input) => void calls.push(`put ${run} ${JSON.stringify(input)}`),
    uploadParamsTxt: async () => (calls.push('params'), { pointsWritten: 0, rows: 3, unparsedCount: 0 }),
    uploadResultsJsonl: async () => (calls.push('results'), { pointsWritten: 4, rows: 2, unparsedCount: 0 }),
    sendOutLogChunk: async (_run, offset, bytes) => {
      const answer = append('out', offset, bytes);
      return { ...answer, linesParsed: answer.pointsWritten / 2, unparsedCount: 0, unparsed: [] };
    },
    sendTfeventsChunk: async (_run, file, offset, bytes) => {
      const answer = append(file, offset, bytes);
      return { ...answer, recordsRead: 1, corruptCount: 0, corruptRecords: [], skippedValues: 0 };
    },
  };
  return { api, calls, streams, failures };
}

const log = 'line one\nline two\nline three\n'; // 29 bytes
const run = () => folder({ 'r/out.log': log, 'r/params.txt': 'model: ViT-B-32\n', 'r/checkpoints/results.jsonl': '{}\n', 'r/tensorboard/events.out.tfevents.1.h.1.0': new Uint8Array(12) });

async function upload(api: UploadApi, files = run(), overrides: { signal?: AbortSignal; finalStatus?: 'finished' | null } = {}) {
  const seen: UploadProgress[] = [];
  const result = await runUpload({
    api, runKey: 'r', files, finalStatus: overrides.finalStatus === undefined ? 'finished' : overrides.finalStatus, chunkBytes: 10,
    signal: overrides.signal ?? new AbortController().signal, onProgress: (progress) => seen.push(progress), retryPolicy: noWait,
  });
  return { result, seen };
}

describe('runUpload', () => {
  it('checks the key, creates the run, sends each file in order and chunks, then marks it finished', async () => {
    const server = fakeServer();
    const { result, seen } = await upload(server.api);
    expect(server.calls).toEqual([
      'check',
      'put r {"name":"r"}',
      'params',
      'out@0+10', 'out@10+10', 'out@20+9',
      'results',
      'events.out.tfevents.1.h.1.0@0+10', 'events.out.tfevents.1.h.1.0@10+2',
      'put r {"status":"finished"}',
    ]);
    expect(result.phase).toBe('done');
    expect(summarizeProgress(result)).toMatchObject({ sentBytes: 16 + 29 + 3 + 12, percent: 100, pointsWritten: 6 + 4, filesDone: 4 });
    const percents = seen.map((progress) => summarizeProgress(progress).percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(seen.map((progress) => progress.phase)).toContain('finishing');
  });

  it('leaves the status alone when asked to', async () => {
    const server = fakeServer();
    await upload(server.api, run(), { finalStatus: null });
    expect(server.calls.at(-1)).toBe('events.out.tfevents.1.h.1.0@10+2');
  });

  it('skips ahead when the server already has the bytes (a repeated upload)', async () => {
    const server = fakeServer();
    server.streams.set('out', 29);
    const { result } = await upload(server.api, folder({ 'r/out.log': log }));
    expect(server.calls.filter((call) => call.startsWith('out'))).toEqual(['out@0+10']);
    expect(result.files[0]).toMatchObject({ sentBytes: 29, skippedBytes: 10, status: 'done' });
  });

  it('follows expectedOffset after a 409 offset_gap', async () => {
    const server = fakeServer();
    server.failures.push(new ReproboardApiError(409, 'offset_gap', 'offset: expected 0', { expectedOffset: 0 }));
    await upload(server.api, folder({ 'r/out.log': log }));
    expect(server.calls.filter((call) => call.startsWith('out'))).toEqual(['out@0+10', 'out@10+10', 'out@20+9']);
  });

  it('retries a chunk after network errors and 5xx, without duplicating it', async () => {
    const server = fakeServer();
    server.failures.push(new TypeError('Failed to fetch'), new ReproboardApiError(502, 'internal', 'bad gateway'));
    const { seen } = await upload(server.api, folder({ 'r/out.log': log }));
    expect(server.calls.filter((call) => call.startsWith('out'))).toEqual(['out@0+10', 'out@10+10', 'out@20+9']);
    expect(seen.map((progress) => progress.retry?.attempt).filter(Boolean)).toEqual([1, 2]);
  });

  it('gives up after the last attempt and on client errors, with the API error', async () => {
    const down = fakeServer();
    down.failures.push(...Array.from({ length: 3 }, () => new ReproboardApiError(503, 'internal', 'down')));
    await expect(upload(down.api, folder({ 'r/out.log': log }))).rejects.toMatchObject({ status: 503 });

    const wrongKey = fakeServer();
    wrongKey.api.checkKey = async () => {
      throw new ReproboardApiError(401, 'unauthorized', 'authorization: the API key is unknown or revoked');
    };
    await expect(upload(wrongKey.api)).rejects.toMatchObject({ status: 401, message: 'authorization: the API key is unknown or revoked' });
    expect(wrongKey.calls).toEqual([]);
  });

  it('stops between chunks when cancelled', async () => {
    const server = fakeServer();
    const controller = new AbortController();
    const send = server.api.sendOutLogChunk;
    server.api.sendOutLogChunk = async (...args) => {
      const answer = await send(...args);
      controller.abort();
      return answer;
    };
    await expect(upload(server.api, folder({ 'r/out.log': log }), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.calls.filter((call) => call.startsWith('out'))).toEqual(['out@0+10']);
  });

  it('reads chunks with Blob.slice, never the whole file', async () => {
    const server = fakeServer();
    const blob = new Blob([log]);
    const sliced: [number, number][] = [];
    const spy = Object.assign(Object.create(blob) as Blob, {
      slice: (start: number, end: number) => (sliced.push([start, end]), blob.slice(start, end)),
      text: () => Promise.reject(new Error('read whole')),
      arrayBuffer: () => Promise.reject(new Error('read whole')),
    });
    await upload(server.api, planUpload(classifyRunFiles([{ path: 'r/out.log', size: blob.size, blob: spy }]).found));
    expect(sliced).toEqual([[0, 10], [10, 20], [20, 29]]);
  });
});

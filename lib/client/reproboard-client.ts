/**
 * A small typed client of the ingestion API, for the demo, the CLI and tests. It speaks only
 * HTTP, so it exercises exactly what a lab's training machine would.
 */
import type { z } from 'zod';
import type { fileUploadResultSchema, LogChunkResult } from '@/lib/schemas/ingest';
import type { RunUpsertInput } from '@/lib/schemas/run';
import type { MetricPointBody } from '@/lib/schemas/metrics';

export class ReproboardApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  server: string;
  project: string;
  key: string;
  fetch?: typeof fetch;
}

type FileUploadResult = z.infer<typeof fileUploadResultSchema>;

export function createReproboardClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const base = `${options.server.replace(/\/$/, '')}/api/v1/projects/${encodeURIComponent(options.project)}`;
  const runUrl = (run: string) => `${base}/runs/${encodeURIComponent(run)}`;

  async function request<T>(url: string, init: RequestInit): Promise<T> {
    const response = await doFetch(url, {
      ...init,
      headers: { authorization: `Bearer ${options.key}`, ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      throw new ReproboardApiError(response.status, error?.code ?? 'unknown', error?.message ?? `HTTP ${response.status}`, error?.details);
    }
    return body as T;
  }

  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = (method: string, body: string | Uint8Array): RequestInit => ({
    method,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

  return {
    upsertRun: (run: string, input: RunUpsertInput) => request<{ created: boolean }>(runUrl(run), json('PUT', input)),
    sendOutLogChunk: (run: string, offset: number, chunk: string | Uint8Array) =>
      request<LogChunkResult>(`${runUrl(run)}/out-log?offset=${offset}`, text('POST', chunk)),
    uploadParamsTxt: (run: string, content: string) => request<FileUploadResult>(`${runUrl(run)}/params-txt`, text('PUT', content)),
    uploadResultsJsonl: (run: string, content: string) => request<FileUploadResult>(`${runUrl(run)}/results-jsonl`, text('PUT', content)),
    sendMetrics: (run: string, points: MetricPointBody[]) => request<{ pointsWritten: number }>(`${runUrl(run)}/metrics`, json('POST', { points })),
  };
}

export type ReproboardClient = ReturnType<typeof createReproboardClient>;

/** Sends a whole out.log in chunks of at most `chunkBytes`, each starting where the server's cursor is. */
export async function sendOutLog(client: ReproboardClient, run: string, content: string | Uint8Array, chunkBytes = 1 << 20) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  let offset = 0;
  let last: LogChunkResult | undefined;
  while (offset < bytes.length) {
    last = await client.sendOutLogChunk(run, offset, bytes.subarray(offset, offset + chunkBytes));
    offset = last.offset;
  }
  return last;
}

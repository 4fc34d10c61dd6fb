/**
 * The HTTP calls the CLI makes for one run, on top of the shared typed client: every call has a
 * timeout and is retried with backoff while the failure is transient; a run that vanished from the
 * server (a reset database) is re-created and the call repeated. Adds the two calls the shared client
 * lacks: reading the run's cursors and sending TensorBoard event files.
 */
import { z } from 'zod';
import { createReproboardClient, ReproboardApiError } from '../lib/client/reproboard-client';
import { ingestCursorSchema, runStatusSchema, type RunUpsertInput } from '../lib/schemas/run';
import { retryWithBackoff, type RetryPolicy } from './backoff';
import { classifyFailure, isTransientFailure } from './classify-failure';
import type { EventChunkAnswer } from './event-file-sender';

export interface RunApiOptions {
  server: string;
  project: string;
  key: string;
  run: string;
  policy: RetryPolicy;
  /** Sent again when the server answers that the run does not exist. */
  recreateWith: RunUpsertInput;
  signal?: AbortSignal;
  requestTimeoutMs?: number;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Called after a vanished run was re-created, so whole files can be sent again. */
  onRunRecreated?: () => void;
}

const runStateSchema = z.object({
  run: z.object({
    status: runStatusSchema,
    cursors: z.array(ingestCursorSchema.pick({ source: true, offset: true, pendingBytes: true })),
  }),
});
export type RunState = z.infer<typeof runStateSchema>['run'];
export type ServerCursor = RunState['cursors'][number];

/** A non-JSON error page (a proxy's 502, Next's HTML 404) becomes the API's JSON error shape. */
async function normaliseErrorResponse(response: Response): Promise<Response> {
  if (response.ok || (response.headers.get('content-type') ?? '').includes('json')) return response;
  const text = (await response.text()).replace(/\s+/g, ' ').trim().slice(0, 200);
  const message = `HTTP ${response.status} ${response.statusText}${text ? `: ${text}` : ''}`;
  return Response.json({ error: { code: `http_${response.status}`, message } }, { status: response.status });
}

export function createRunApi(options: RunApiOptions) {
  const timeoutMs = options.requestTimeoutMs ?? 120_000;
  const timedFetch: typeof fetch = async (input, init) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
    return normaliseErrorResponse(await fetch(input, { ...init, signal: AbortSignal.any(signals) }));
  };
  const client = createReproboardClient({ server: options.server, project: options.project, key: options.key, fetch: timedFetch });
  const runUrl = `${options.server.replace(/\/$/, '')}/api/v1/projects/${encodeURIComponent(options.project)}/runs/${encodeURIComponent(options.run)}`;

  async function requestJson(url: string, init: RequestInit): Promise<unknown> {
    const response = await timedFetch(url, { ...init, headers: { authorization: `Bearer ${options.key}`, ...(init.headers as Record<string, string>) } });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      throw new ReproboardApiError(response.status, error?.code ?? 'unknown', error?.message ?? `HTTP ${response.status}`, error?.details);
    }
    return body;
  }

  const retry = <T>(operation: () => Promise<T>, policy = options.policy) =>
    retryWithBackoff(operation, { policy, isRetryable: isTransientFailure, signal: options.signal, onRetry: options.onRetry });

  /** Retries transient failures; re-creates a run that disappeared, then tries once more. */
  async function call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await retry(operation);
    } catch (error) {
      if (classifyFailure(error) !== 'run-missing') throw error;
      await retry(() => client.upsertRun(options.run, options.recreateWith));
      options.onRunRecreated?.();
      return retry(operation);
    }
  }

  return {
    /** Fails fast (unreachable server, bad key, unknown project) before a long import starts; the key may read its project. */
    checkProject: (policy: RetryPolicy) =>
      retry(() => requestJson(`${options.server.replace(/\/$/, '')}/api/v1/projects/${encodeURIComponent(options.project)}`, { method: 'GET' }), policy),
    upsertRun: (input: RunUpsertInput) => retry(() => client.upsertRun(options.run, input)),
    heartbeat: () => call(() => client.upsertRun(options.run, { heartbeat: true })),
    /** The run's status and the server's byte cursor per file. */
    readRunState: async (): Promise<RunState> =>
      call(async () => runStateSchema.parse(await requestJson(runUrl, { method: 'GET' })).run),
    sendOutLogChunk: (offset: number, bytes: Uint8Array) => call(() => client.sendOutLogChunk(options.run, offset, bytes)),
    sendTfeventsChunk: (file: string, offset: number, bytes: Uint8Array) =>
      call(
        async () =>
          (await requestJson(`${runUrl}/tfevents/${encodeURIComponent(file)}?offset=${offset}`, {
            method: 'POST',
            headers: { 'content-type': 'application/octet-stream' },
            body: new Uint8Array(bytes),
          })) as EventChunkAnswer,
      ),
    uploadParamsTxt: (text: string) => call(() => client.uploadParamsTxt(options.run, text)),
    uploadResultsJsonl: (text: string) => call(() => client.uploadResultsJsonl(options.run, text)),
  };
}

export type RunApi = ReturnType<typeof createRunApi>;

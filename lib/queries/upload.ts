/**
 * The browser side of a run-folder upload: the typed client the CLI uses (it only needs fetch),
 * plus the two calls it lacks (event-file chunks and a key check), and a hook that runs an upload
 * with progress, cancel, and invalidation of the project's runs.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { createReproboardClient, ReproboardApiError } from '@/lib/client/reproboard-client';
import type { TfeventsChunkResult } from '@/lib/schemas/tfevents';
import { apiErrorCodeSchema } from '@/lib/schemas/error';
import type { FoundRunFile } from '@/lib/upload/classify-run-files';
import { runUpload, type UploadableFile, type UploadApi } from '@/lib/upload/run-upload';
import type { UploadProgress } from '@/lib/upload/upload-progress';
import { isAbortError } from '@/lib/upload/upload-retry';
import { ApiRequestError } from './api-request-error';
import { runQueries } from './runs';
import { apiUrls } from './urls';

/** A run key no one uses: the key check posts an empty batch to it, which stores nothing. */
const KEY_CHECK_RUN = '__reproboard-key-check__';

async function requestOrThrow<T>(doFetch: typeof fetch, url: string, init: RequestInit, key: string): Promise<T> {
  const response = await doFetch(url, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } }) : null;
  if (!response.ok) {
    throw new ReproboardApiError(response.status, body?.error?.code ?? 'unknown', body?.error?.message ?? `HTTP ${response.status}`, body?.error?.details);
  }
  return body as T;
}

/**
 * Checks a key with a write that cannot store anything: an empty metric batch. Auth runs first, so
 * a wrong key is 401 and another project's key 403; a good key gets 404 (no such run) or 400
 * (empty batch), both of which mean "accepted".
 */
export async function checkProjectKey(slug: string, key: string, doFetch: typeof fetch = fetch): Promise<void> {
  try {
    await requestOrThrow(doFetch, `${apiUrls.run(slug, KEY_CHECK_RUN)}/metrics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"points":[]}' }, key);
  } catch (error) {
    if (error instanceof ReproboardApiError && (error.status === 404 || error.status === 400) && error.code !== 'unknown') return;
    throw error;
  }
}

/** The upload API for one project and key; every request carries `signal`, so cancel stops the one in flight. */
export function createUploadApi(slug: string, key: string, signal: AbortSignal): UploadApi {
  const doFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal });
  const client = createReproboardClient({ server: window.location.origin, project: slug, key, fetch: doFetch });
  return {
    checkKey: () => checkProjectKey(slug, key, doFetch),
    upsertRun: client.upsertRun,
    uploadParamsTxt: client.uploadParamsTxt,
    uploadResultsJsonl: client.uploadResultsJsonl,
    sendOutLogChunk: client.sendOutLogChunk,
    sendTfeventsChunk: (run, file, offset, bytes) =>
      requestOrThrow<TfeventsChunkResult>(
        doFetch,
        `${apiUrls.run(slug, run)}/tfevents/${encodeURIComponent(file)}?offset=${offset}`,
        { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) },
        key,
      ),
  };
}

/** The client's error as the UI's ApiRequestError, so ErrorNotice shows the API message and status. */
export function toRequestError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  if (error instanceof ReproboardApiError) {
    const code = apiErrorCodeSchema.safeParse(error.code);
    return new ApiRequestError(error.status, code.success ? code.data : 'internal', error.message);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiRequestError(0, 'network', `Could not reach the Reproboard server (${reason})`);
}

export function useCheckProjectKey(slug: string) {
  return useMutation({ mutationFn: (key: string) => checkProjectKey(slug, key) });
}

export interface RunUploadInput {
  key: string;
  runKey: string;
  files: readonly FoundRunFile<UploadableFile>[];
  finalStatus: 'finished' | null;
  chunkBytes: number;
}

/** Runs one upload at a time; `cancel` aborts it (bytes already stored stay, a new upload resumes). */
export function useRunUpload(slug: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: async (input: RunUploadInput) => {
      const abort = new AbortController();
      controller.current = abort;
      setProgress(null);
      return runUpload({ ...input, api: createUploadApi(slug, input.key, abort.signal), signal: abort.signal, onProgress: setProgress });
    },
    // Even a cancelled or failed upload may have created the run and stored points.
    onSettled: () => queryClient.invalidateQueries({ queryKey: runQueries.project(slug) }),
  });
  return {
    start: mutation.mutate,
    cancel: () => controller.current?.abort(),
    reset: () => {
      mutation.reset();
      setProgress(null);
    },
    progress,
    isSending: mutation.isPending,
    isDone: mutation.isSuccess,
    runKey: mutation.variables?.runKey ?? null,
    wasCancelled: mutation.isError && isAbortError(mutation.error),
    error: mutation.isError && !isAbortError(mutation.error) ? toRequestError(mutation.error) : null,
  };
}

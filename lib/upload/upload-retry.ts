/**
 * What to do when a request of an upload fails: network errors, 5xx and 429 are tried again with
 * exponential backoff (the server may be restarting); a 409 offset_gap moves the cursor to the
 * server's `expectedOffset`; anything else (401, 403, 400, 413) is final and shown as the API says.
 */
import { ReproboardApiError } from '@/lib/client/reproboard-client';

export type FailureAction = { action: 'abort' } | { action: 'retry'; reason: string } | { action: 'move-cursor'; offset: number } | { action: 'fail' };

export function isAbortError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}

export function classifyFailure(error: unknown): FailureAction {
  if (isAbortError(error)) return { action: 'abort' };
  if (error instanceof ReproboardApiError) {
    const expected = error.details?.expectedOffset;
    if (error.status === 409 && error.code === 'offset_gap' && typeof expected === 'number') return { action: 'move-cursor', offset: expected };
    if (error.status >= 500 || error.status === 429) return { action: 'retry', reason: `HTTP ${error.status}: ${error.message}` };
    return { action: 'fail' };
  }
  // fetch rejects with a TypeError when the server is unreachable; a proxy's HTML error page fails JSON.parse.
  return { action: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Total attempts including the first. */
  maxAttempts: number;
}

export const UPLOAD_RETRY_POLICY: RetryPolicy = { baseMs: 500, maxMs: 8_000, maxAttempts: 6 };

/** Delay before retry number `attempt` (0 = first retry): doubling, capped, half of it random. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Upload cancelled', 'AbortError'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Upload cancelled', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

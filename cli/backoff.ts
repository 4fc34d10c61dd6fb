/**
 * Retries with exponential backoff and jitter. Half of each delay is fixed and half random ("equal
 * jitter"), so the many watchers of a lab do not all hit a restarted server in the same instant.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Total attempts including the first; Infinity keeps trying (watch mode). */
  maxAttempts: number;
}

/** One-shot commands give up after about half a minute and say why. */
export const importRetryPolicy: RetryPolicy = { baseMs: 500, maxMs: 8_000, maxAttempts: 6 };
/** A watcher outlives server restarts and network outages, however long. */
export const watchRetryPolicy: RetryPolicy = { baseMs: 500, maxMs: 30_000, maxAttempts: Infinity };

/** Delay before retry number `attempt` (0 = the first retry). */
export function computeBackoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  policy: RetryPolicy;
  isRetryable: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  signal?: AbortSignal;
  random?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export async function retryWithBackoff<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const wait = options.wait ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (options.signal?.aborted || !options.isRetryable(error) || attempt + 1 >= options.policy.maxAttempts) throw error;
      const delayMs = computeBackoffDelay(attempt, options.policy, options.random);
      options.onRetry?.(error, attempt + 1, delayMs);
      await wait(delayMs, options.signal);
    }
  }
}

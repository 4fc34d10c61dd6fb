/**
 * When a failed webhook delivery is tried again, and which failures are worth retrying.
 *
 * Decisions: a 2xx answer delivers. A timeout, a network error, 408, 425, 429 and any 5xx are
 * temporary: retried after base × 2^(attempt − 1), capped at `maxMs` (defaults 30 s, 1 min, 2 min, …,
 * at most 1 h), until `maxAttempts` sends were made; then the delivery is failed with its last error.
 * Any other 4xx means the receiver refuses this request (a wrong URL, a revoked Slack hook); sending
 * the same bytes again cannot change that, so it fails at once.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseMs: 30_000, maxMs: 3_600_000 };

export type SendOutcome = { kind: 'delivered' } | { kind: 'retry'; error: string } | { kind: 'give_up'; error: string };

const TEMPORARY_STATUSES = new Set([408, 425, 429]);

export function classifyResponse(status: number, bodyExcerpt = ''): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  const error = `HTTP ${status}${bodyExcerpt ? `: ${bodyExcerpt.slice(0, 200)}` : ''}`;
  return status >= 500 || TEMPORARY_STATUSES.has(status) ? { kind: 'retry', error } : { kind: 'give_up', error };
}

/** Delay before the next send after `attempts` sends; null when no attempt is left. */
export function nextRetryDelay(attempts: number, policy: RetryPolicy): number | null {
  if (attempts >= policy.maxAttempts) return null;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sorts what can go wrong talking to the server into kinds the CLI acts on: transient kinds are
 * retried with backoff, the rest stop the command (or, for a missing run, re-create it).
 */
import { ReproboardApiError } from '../lib/client/reproboard-client';

export type FailureKind =
  | 'network'
  | 'server'
  | 'unauthorized'
  | 'forbidden'
  | 'project-missing'
  | 'run-missing'
  | 'route-missing'
  | 'offset-gap'
  | 'too-large'
  | 'rejected'
  | 'not-reproboard'
  | 'aborted'
  | 'other';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** The errno-style code of a fetch failure (`TypeError: fetch failed` hides it in `cause`). */
export function readNetworkCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof ReproboardApiError) {
    if (error.status >= 500 || error.status === 429 || error.status === 408) return 'server';
    if (error.status === 401) return 'unauthorized';
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) {
      if (error.message.startsWith('project:')) return 'project-missing';
      if (error.message.startsWith('run:')) return 'run-missing';
      return 'route-missing';
    }
    if (error.code === 'offset_gap') return 'offset-gap';
    if (error.status === 413) return 'too-large';
    return 'rejected';
  }
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'network';
    if (error.name === 'AbortError') return 'aborted';
    if (error instanceof SyntaxError) return 'not-reproboard';
    if (readNetworkCode(error) || (error instanceof TypeError && error.message === 'fetch failed')) return 'network';
  }
  return 'other';
}

/** Worth retrying: the server may be restarting, overloaded, or the network may come back. */
export function isTransientFailure(error: unknown): boolean {
  const kind = classifyFailure(error);
  return kind === 'network' || kind === 'server';
}

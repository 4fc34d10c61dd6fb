import type { ApiErrorCode } from '@/lib/schemas/error';

export type RequestErrorCode = ApiErrorCode | 'network' | 'invalid_response';

/** A failed API call, carrying the API's error code, message and HTTP status (0 when unreachable). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: RequestErrorCode,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * True when the addressed project or run does not exist: a 404, or a 400 about the path itself
 * (a slug no project can have, like `/projects/Foo`), which is the same thing to a visitor.
 */
export function isNotFoundError(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  return error.status === 404 || (error.status === 400 && error.issues.some((issue) => issue.path.startsWith('path.')));
}

/** The message to show a person for any error a query or mutation can throw. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

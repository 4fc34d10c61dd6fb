import 'server-only';
import type { ZodError } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '@/lib/schemas/error';

const statusByCode: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  offset_gap: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

/** An error a route handler throws to answer with a given status and a message naming the cause. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
    readonly details?: Record<string, unknown>,
    /** Response headers the error implies, e.g. Retry-After of a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): number {
    return statusByCode[this.code];
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, issues: this.issues, details: this.details } };
  }

  static fromZod(error: ZodError, where: string): ApiError {
    const issues = error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    const first = issues[0];
    return new ApiError('bad_request', first ? `${first.path}: ${first.message}` : `invalid ${where}`, issues);
  }
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return Response.json(error.toBody(), { status: error.status, headers: error.headers });
  console.error('Unhandled error in API route', error);
  return Response.json(new ApiError('internal', 'Internal server error').toBody(), { status: 500 });
}

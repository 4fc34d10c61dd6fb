import { z } from 'zod';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { ApiRequestError } from './api-request-error';

/**
 * Fetches an API route and validates the body with its response schema. Any non-2xx answer becomes
 * a thrown ApiRequestError with the API's code and message, so hooks never check `response.ok`.
 */
export async function fetchJson<S extends z.ZodType>(url: string, schema: S, init?: RequestInit): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiRequestError(0, 'network', `Could not reach the Reproboard server (${reason})`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, issues } = parsed.data.error;
      throw new ApiRequestError(response.status, code, message, issues);
    }
    throw new ApiRequestError(response.status, 'internal', `The server answered HTTP ${response.status} ${response.statusText}`.trim());
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'invalid_response', `Unexpected response from ${url}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Options for a JSON POST/PUT body. */
export function jsonBody(method: 'POST' | 'PUT', body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

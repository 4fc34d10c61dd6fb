import 'server-only';
import { readEnv } from '@/lib/env';
import { ApiError } from './api-error';
import { findUnstorableText } from './unstorable-text';

/** The environment settings that cap a request body's size (lib/env.ts). */
export type ByteLimitSetting = 'REPROBOARD_MAX_LOG_CHUNK_BYTES' | 'REPROBOARD_MAX_JSON_BYTES';

/**
 * Reads a request body up to a limit. The declared Content-Length is checked first so an oversize
 * upload is refused before it is read; the stream is still capped for chunked or lying clients.
 * Given a setting's name, the limit is read from the environment and the 413 names the setting.
 */
export async function readBodyBytes(request: Request, limit: ByteLimitSetting | number): Promise<Buffer> {
  const setting = typeof limit === 'string' ? limit : null;
  const bytes = typeof limit === 'string' ? readEnv()[limit] : limit;
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > bytes) throw tooLarge(bytes, setting);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > bytes) {
      await reader.cancel();
      throw tooLarge(bytes, setting);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(request: Request, limit: ByteLimitSetting | number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (type && !type.includes('json')) {
    throw new ApiError('unsupported_media_type', `body: expected Content-Type application/json, got "${type}"`);
  }
  const bytes = await readBodyBytes(request, limit);
  if (bytes.length === 0) throw new ApiError('bad_request', 'body: a JSON body is required');
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ApiError('bad_request', `body: not valid JSON (${(error as Error).message})`);
  }
  const unstorable = findUnstorableText(body);
  if (unstorable) {
    const message = `contains ${unstorable.problem}, which cannot be stored`;
    throw new ApiError('bad_request', `${unstorable.path}: ${message}`, [{ path: unstorable.path, message }]);
  }
  return body;
}

function tooLarge(limit: number, setting: ByteLimitSetting | null): ApiError {
  const named = setting ? ` (${setting})` : '';
  return new ApiError('payload_too_large', `body: larger than the limit of ${limit} bytes${named}; send it in smaller chunks`, undefined, {
    limitBytes: limit,
    ...(setting ? { setting } : {}),
  });
}

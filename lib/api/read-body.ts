import 'server-only';
import { ApiError } from './api-error';

/**
 * Reads a request body up to a limit. The declared Content-Length is checked first so an oversize
 * upload is refused before it is read; the stream is still capped for chunked or lying clients.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (type && !type.includes('json')) {
    throw new ApiError('unsupported_media_type', `body: expected Content-Type application/json, got "${type}"`);
  }
  const bytes = await readBodyBytes(request, limit);
  if (bytes.length === 0) throw new ApiError('bad_request', 'body: a JSON body is required');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ApiError('bad_request', `body: not valid JSON (${(error as Error).message})`);
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError('payload_too_large', `body: larger than the limit of ${limit} bytes; send it in smaller chunks`, undefined, {
    limitBytes: limit,
  });
}

import 'server-only';
import type { Db } from '@/lib/db/client';
import { findActiveApiKey } from '@/lib/db/api-keys';
import { getProjectBySlug } from '@/lib/db/projects';
import { ApiError } from './api-error';
import { enforceRateLimit } from './rate-limit';

/** The API key a request carries, if any (Bearer or X-Api-Key). */
export function readApiKey(request: Request): string | null {
  const authorization = request.headers.get('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim();
  return request.headers.get('x-api-key')?.trim() || null;
}

/**
 * Checks the project API key of a write request: no or unknown key is 401, a key of another
 * project is 403, an unknown project is 404, a key over its requests per minute is 429.
 */
export async function requireProjectKey(db: Db, request: Request, projectSlug: string) {
  const key = readApiKey(request);
  if (!key) {
    throw new ApiError('unauthorized', 'authorization: missing API key; send "Authorization: Bearer <key>"');
  }
  const apiKey = await findActiveApiKey(db, key);
  if (!apiKey) throw new ApiError('unauthorized', 'authorization: the API key is unknown or revoked');
  const project = await getProjectBySlug(db, projectSlug);
  if (!project) throw new ApiError('not_found', `project: no project "${projectSlug}"`);
  if (apiKey.projectId !== project.id) {
    throw new ApiError('forbidden', `authorization: this API key does not belong to project "${projectSlug}"`);
  }
  await enforceRateLimit(db, apiKey.id);
  return project;
}

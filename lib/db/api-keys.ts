import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './client';

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
}

/**
 * API keys are 256 random bits, so a single SHA-256 is enough to store them: unlike passwords they
 * cannot be guessed, and a fast hash keeps per-request authentication cheap.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(db: Pick<Db, 'apiKey'>, projectId: string, name: string): Promise<CreatedApiKey> {
  const key = `rb_${randomBytes(32).toString('base64url')}`;
  const prefix = key.slice(0, 10);
  const row = await db.apiKey.create({ data: { projectId, name, prefix, hash: hashApiKey(key) } });
  return { id: row.id, name: row.name, prefix, key };
}

export async function findActiveApiKey(db: Db, key: string) {
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  return row && !row.revokedAt ? row : null;
}

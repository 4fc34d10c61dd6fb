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

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A project's keys, newest first, without their secrets (only the hash is stored). */
export async function listApiKeys(db: Db, projectId: string): Promise<ApiKeySummary[]> {
  const rows = await db.apiKey.findMany({ where: { projectId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

/** Revokes a key of the project; revoking again keeps the first time. False when the project has no such key. */
export async function revokeApiKey(db: Db, projectId: string, id: string): Promise<boolean> {
  const row = await db.apiKey.findFirst({ where: { id, projectId } });
  if (!row) return false;
  if (!row.revokedAt) await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  return true;
}

import 'server-only';
import type { Db } from './client';
import { ingestSql } from './ingest-sql';

/** The one-minute window a moment falls in: whole minutes since the Unix epoch. */
export function rateWindowOf(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}

export interface CountedKeyRequest {
  keyId: string;
  projectId: string;
  /** Requests of the key in the current one-minute window, this one included. */
  count: number;
}

/**
 * Finds the active API key with this hash and counts one request of it, in one atomic statement
 * that both counts and reads, so every app process sharing the database counts into the same row
 * without a lost update; null when no active key has this hash. The first request of a window also
 * records lastUsedAt, which keeps the key's "last used" at one-minute resolution without a second
 * write. Every API-key request runs this, hence one raw statement rather than a lookup, a check
 * and an update through Prisma's models.
 */
export async function countApiKeyRequest(db: Db, keyHash: string, now: Date): Promise<CountedKeyRequest | null> {
  const minute = rateWindowOf(now);
  const rows = await ingestSql(db).$queryRaw<{ id: string; projectId: string; rateWindowCount: number | bigint }[]>`
    UPDATE "ApiKey" SET
      "lastUsedAt" = CASE WHEN "rateWindowStart" = ${minute} THEN "lastUsedAt" ELSE ${now} END,
      "rateWindowCount" = CASE WHEN "rateWindowStart" = ${minute} THEN "rateWindowCount" + 1 ELSE 1 END,
      "rateWindowStart" = ${minute}
    WHERE "hash" = ${keyHash} AND "revokedAt" IS NULL
    RETURNING "id", "projectId", "rateWindowCount"`;
  const row = rows[0];
  return row ? { keyId: row.id, projectId: row.projectId, count: Number(row.rateWindowCount) } : null;
}

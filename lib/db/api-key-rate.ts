import 'server-only';
import { Prisma } from '@/prisma/generated/sqlite/client';
import { isPostgres, type Db } from './client';
import { findRunIds } from './runs';
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
  const rows = await ingestSql(db).$queryRaw<CountedRow[]>(countStatement(keyHash, now));
  return rows[0] ? toCounted(rows[0]) : null;
}

interface CountedRow {
  id: string;
  projectId: string;
  rateWindowCount: number | bigint;
}

const toCounted = (row: CountedRow): CountedKeyRequest => ({ keyId: row.id, projectId: row.projectId, count: Number(row.rateWindowCount) });

function countStatement(keyHash: string, now: Date): Prisma.Sql {
  const minute = rateWindowOf(now);
  return Prisma.sql`
    UPDATE "ApiKey" SET
      "lastUsedAt" = CASE WHEN "rateWindowStart" = ${minute} THEN "lastUsedAt" ELSE ${now} END,
      "rateWindowCount" = CASE WHEN "rateWindowStart" = ${minute} THEN "rateWindowCount" + 1 ELSE 1 END,
      "rateWindowStart" = ${minute}
    WHERE "hash" = ${keyHash} AND "revokedAt" IS NULL
    RETURNING "id", "projectId", "rateWindowCount"`;
}

export interface KeyIngestTarget {
  /** Null when no active key has the hash. */
  counted: CountedKeyRequest | null;
  /** Null when no project has the slug; `runId` null when the project has no such run. */
  ids: { projectId: string; runId: string | null } | null;
}

/**
 * countApiKeyRequest plus findRunIds, for every ingest request. On PostgreSQL one statement (the
 * count in a data-modifying WITH), a round trip fewer per request; SQLite cannot modify data in
 * WITH, and its two statements cost no round trip.
 */
export async function countKeyRequestAndFindRun(db: Db, keyHash: string, projectSlug: string, runKey: string, now: Date): Promise<KeyIngestTarget> {
  if (!isPostgres()) {
    const counted = await countApiKeyRequest(db, keyHash, now);
    return { counted, ids: counted ? await findRunIds(db, projectSlug, runKey) : null };
  }
  const rows = await ingestSql(db).$queryRaw<(CountedRow & { targetProjectId: string | null; runId: string | null })[]>`
    WITH counted AS (${countStatement(keyHash, now)})
    SELECT c."id", c."projectId", c."rateWindowCount", p."id" AS "targetProjectId", r."id" AS "runId" FROM counted c
    LEFT JOIN "Project" p ON p."slug" = ${projectSlug}
    LEFT JOIN "Run" r ON r."projectId" = p."id" AND r."key" = ${runKey}`;
  const row = rows[0];
  if (!row) return { counted: null, ids: null };
  return { counted: toCounted(row), ids: row.targetProjectId === null ? null : { projectId: row.targetProjectId, runId: row.runId } };
}

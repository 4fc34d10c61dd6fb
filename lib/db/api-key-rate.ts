import 'server-only';
import type { Db } from './client';

/** The one-minute window a moment falls in: whole minutes since the Unix epoch. */
export function rateWindowOf(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}

/**
 * Counts one request of an API key and returns how many the key has made in the current
 * one-minute window, or null when the key row is gone. One atomic statement both counts and reads,
 * so every app process sharing the database counts into the same row without a lost update. The
 * first request of a window also records lastUsedAt, which keeps the key's "last used" at
 * one-minute resolution without a second write.
 */
export async function countApiKeyRequest(db: Db, keyId: string, now: Date): Promise<number | null> {
  const minute = rateWindowOf(now);
  const rows = await db.$queryRaw<{ rateWindowCount: number | bigint }[]>`
    UPDATE "ApiKey" SET
      "lastUsedAt" = CASE WHEN "rateWindowStart" = ${minute} THEN "lastUsedAt" ELSE ${now} END,
      "rateWindowCount" = CASE WHEN "rateWindowStart" = ${minute} THEN "rateWindowCount" + 1 ELSE 1 END,
      "rateWindowStart" = ${minute}
    WHERE "id" = ${keyId}
    RETURNING "rateWindowCount"`;
  return rows[0] ? Number(rows[0].rateWindowCount) : null;
}

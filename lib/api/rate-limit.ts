import 'server-only';
import { rateWindowOf } from '@/lib/db/api-key-rate';
import { readEnv } from '@/lib/env';
import { ApiError } from './api-error';

/**
 * Requests per API key per minute (REPROBOARD_RATE_LIMIT_PER_MINUTE), in fixed one-minute windows
 * counted in the key's database row (countApiKeyRequest), so every app process serving the database
 * enforces one shared limit. Refused requests count too, so a client that ignores the 429 stays
 * refused until the window ends; Retry-After says when that is.
 */
export function refuseOverRateLimit(count: number, now: Date): void {
  const limit = readEnv().REPROBOARD_RATE_LIMIT_PER_MINUTE;
  if (count <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(((rateWindowOf(now) + 1) * 60_000 - now.getTime()) / 1000));
  throw new ApiError(
    'rate_limited',
    `rate limit: this API key sent more than ${limit} requests this minute (REPROBOARD_RATE_LIMIT_PER_MINUTE); retry in ${retryAfterSeconds} s`,
    undefined,
    { limitPerMinute: limit, retryAfterSeconds, setting: 'REPROBOARD_RATE_LIMIT_PER_MINUTE' },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

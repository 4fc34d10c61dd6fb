/**
 * Starts this process's webhook delivery worker from the environment (lib/env.ts): called once by
 * instrumentation.ts when the Next server boots. Not during `next build`, and never twice.
 */
import { getDb } from '@/lib/db/client';
import { readEnv } from '@/lib/env';
import { DeliveryWorker } from './delivery-worker';

const holder = globalThis as unknown as { reproboardDeliveryWorker?: DeliveryWorker };

export function startDeliveryWorkerFromEnv(): DeliveryWorker | null {
  if (process.env.NEXT_PHASE === 'phase-production-build') return null;
  const env = readEnv();
  if (env.REPROBOARD_WEBHOOK_WORKER === '0') return null;
  holder.reproboardDeliveryWorker ??= new DeliveryWorker({
    db: getDb,
    pollMs: env.REPROBOARD_WEBHOOK_POLL_MS,
    timeoutMs: env.REPROBOARD_WEBHOOK_TIMEOUT_MS,
    retry: { maxAttempts: env.REPROBOARD_WEBHOOK_MAX_ATTEMPTS, baseMs: env.REPROBOARD_WEBHOOK_RETRY_BASE_MS, maxMs: env.REPROBOARD_WEBHOOK_RETRY_MAX_MS },
    // Links in alerts: the app's public address; Better Auth's BETTER_AUTH_URL names the same one.
    publicUrl: env.REPROBOARD_PUBLIC_URL ?? (process.env.BETTER_AUTH_URL?.trim() || null),
    sweepEveryMs: env.REPROBOARD_STALL_SWEEP_MS,
  }).start();
  return holder.reproboardDeliveryWorker;
}

import 'server-only';
/**
 * The delivery queue, shared by every app process through the database.
 *
 * A worker claims a due delivery with one conditional UPDATE: it matches only while the row is still
 * pending, due, unclaimed (or its claim expired) and at the attempt count the worker read. On
 * PostgreSQL a second UPDATE of the same row waits for the first and then re-checks its WHERE against
 * the new row, so of two processes exactly one gets count = 1; SQLite runs writes one at a time. The
 * claim lasts `leaseMs` (longer than a send's timeout), so a process that dies mid-send releases the
 * delivery to the next poll of any process. Outcomes are written only while the claim still holds
 * (same attempt count), so a late answer never overwrites a newer attempt.
 */
import type { AlertPayload } from '@/lib/alerts/alert';
import type { WebhookFormat } from '@/lib/alerts/webhook-body';
import type { Db } from './client';

export interface ClaimedDelivery {
  id: string;
  /** Sends made so far, this one included. */
  attempts: number;
  webhook: { id: string; url: string; format: WebhookFormat };
  alert: { id: string; dedupeKey: string; createdAt: Date; payload: AlertPayload };
}

const due = (now: Date) => ({ status: 'pending', nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] });

export async function claimDueDeliveries(db: Db, options: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]> {
  const { now } = options;
  const candidates = await db.webhookDelivery.findMany({
    where: { ...due(now), webhook: { disabledAt: null } },
    orderBy: { nextAttemptAt: 'asc' },
    take: options.limit,
    select: { id: true, attempts: true },
  });
  const claimed: { id: string; attempts: number }[] = [];
  for (const candidate of candidates) {
    const { count } = await db.webhookDelivery.updateMany({
      where: { id: candidate.id, attempts: candidate.attempts, ...due(now) },
      data: { claimedUntil: new Date(now.getTime() + options.leaseMs), attempts: { increment: 1 } },
    });
    if (count === 1) claimed.push({ id: candidate.id, attempts: candidate.attempts + 1 });
  }
  if (claimed.length === 0) return [];
  const rows = await db.webhookDelivery.findMany({
    where: { id: { in: claimed.map((delivery) => delivery.id) } },
    include: { webhook: { select: { id: true, url: true, format: true } }, alert: { select: { id: true, dedupeKey: true, createdAt: true, payload: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    attempts: claimed.find((delivery) => delivery.id === row.id)!.attempts,
    webhook: { id: row.webhook.id, url: row.webhook.url, format: row.webhook.format === 'slack' ? 'slack' : 'json' },
    alert: { id: row.alert.id, dedupeKey: row.alert.dedupeKey, createdAt: row.alert.createdAt, payload: row.alert.payload as unknown as AlertPayload },
  }));
}

const held = (delivery: Pick<ClaimedDelivery, 'id' | 'attempts'>) => ({ id: delivery.id, status: 'pending', attempts: delivery.attempts });

export async function markDelivered(db: Db, delivery: ClaimedDelivery, now: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({ where: held(delivery), data: { status: 'delivered', deliveredAt: now, claimedUntil: null, lastError: null } });
  return count === 1;
}

export async function scheduleRetry(db: Db, delivery: ClaimedDelivery, nextAttemptAt: Date, error: string): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({ where: held(delivery), data: { nextAttemptAt, claimedUntil: null, lastError: error.slice(0, 1000) } });
  return count === 1;
}

export async function markFailed(db: Db, delivery: ClaimedDelivery, error: string): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({ where: held(delivery), data: { status: 'failed', claimedUntil: null, lastError: error.slice(0, 1000) } });
  return count === 1;
}

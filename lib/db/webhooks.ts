import 'server-only';
/** A project's webhooks: add, list (with recent deliveries), remove. Deliveries go with their webhook. */
import { SUBSCRIBABLE_ALERT_KINDS, type SubscribableAlertKind } from '@/lib/alerts/alert';
import type { Webhook, WebhookCreateInput } from '@/lib/schemas/webhooks';
import type { Db } from './client';

const RECENT_DELIVERIES = 10;

type WebhookRow = Awaited<ReturnType<Db['webhook']['findUniqueOrThrow']>>;
type DeliveryRow = Awaited<ReturnType<Db['webhookDelivery']['findUniqueOrThrow']>> & { alert: { kind: string; payload: unknown } };

export async function createWebhook(db: Db, projectId: string, input: WebhookCreateInput): Promise<Webhook> {
  const row = await db.webhook.create({ data: { projectId, url: input.url, format: input.format, events: input.events } });
  return toWebhook(row, []);
}

export async function listWebhooks(db: Db, projectId: string): Promise<Webhook[]> {
  const rows = await db.webhook.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' } });
  return Promise.all(
    rows.map(async (row) => {
      const deliveries = await db.webhookDelivery.findMany({
        where: { webhookId: row.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: RECENT_DELIVERIES,
        include: { alert: { select: { kind: true, payload: true } } },
      });
      return toWebhook(row, deliveries);
    }),
  );
}

export async function findWebhook(db: Db, projectId: string, webhookId: string): Promise<WebhookRow | null> {
  return db.webhook.findFirst({ where: { id: webhookId, projectId } });
}

/** Removes the webhook and its deliveries; false when the project has no such webhook. */
export async function deleteWebhook(db: Db, projectId: string, webhookId: string): Promise<boolean> {
  const { count } = await db.webhook.deleteMany({ where: { id: webhookId, projectId } });
  return count > 0;
}

/** The kinds a webhook row subscribes to; an empty list means every kind. */
export function readWebhookEvents(value: unknown): SubscribableAlertKind[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is SubscribableAlertKind => (SUBSCRIBABLE_ALERT_KINDS as readonly string[]).includes(item));
}

/** Scheme, host and the first characters of the path: enough to tell hooks apart, not to post to them. */
export function maskWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.length > 12 ? `${parsed.pathname.slice(0, 12)}…` : parsed.pathname;
    return `${parsed.protocol}//${parsed.host}${path}${parsed.search ? '?…' : ''}`;
  } catch {
    return '…';
  }
}

function toWebhook(row: WebhookRow, deliveries: DeliveryRow[]): Webhook {
  return {
    id: row.id,
    url: maskWebhookUrl(row.url),
    format: row.format === 'slack' ? 'slack' : 'json',
    events: readWebhookEvents(row.events),
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    deliveries: deliveries.map((delivery) => ({
      id: delivery.id,
      alertKind: delivery.alert.kind as Webhook['deliveries'][number]['alertKind'],
      alertTitle: readTitle(delivery.alert.payload),
      status: delivery.status as Webhook['deliveries'][number]['status'],
      attempts: delivery.attempts,
      nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
      lastError: delivery.lastError,
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      createdAt: delivery.createdAt.toISOString(),
    })),
  };
}

function readTitle(payload: unknown): string {
  return payload && typeof payload === 'object' && 'title' in payload && typeof payload.title === 'string' ? payload.title : '';
}

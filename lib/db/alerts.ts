import 'server-only';
/**
 * Raising an alert: the Alert row (unique per project and dedupe key) and one pending delivery per
 * enabled webhook that subscribes to its kind, in one transaction. The same event raised twice —
 * by two app processes at once, or by every sweep while a run stays stalled — finds the key taken
 * and does nothing, so each alert is stored and sent once. Sending is the delivery worker's job
 * (lib/alerts/delivery-worker.ts); this only wakes it, never waits for it.
 */
import type { AlertKind, AlertPayload } from '@/lib/alerts/alert';
import { kickDeliveries } from '@/lib/alerts/delivery-kick';
import type { Db } from './client';
import { readWebhookEvents } from './webhooks';

export interface AlertInput {
  projectId: string;
  runId: string | null;
  kind: AlertKind;
  dedupeKey: string;
  payload: AlertPayload;
  /** Send only to these webhooks (a test delivery); by default every subscribed one. */
  webhookIds?: readonly string[];
}

export interface RaiseResult {
  /** False when the alert had been raised before (nothing was written). */
  raised: boolean;
  alertId: string | null;
  deliveries: number;
}

export async function raiseAlert(db: Db, input: AlertInput): Promise<RaiseResult> {
  const existing = await db.alert.findUnique({ where: { projectId_dedupeKey: { projectId: input.projectId, dedupeKey: input.dedupeKey } }, select: { id: true } });
  if (existing) return { raised: false, alertId: existing.id, deliveries: 0 };
  let result: RaiseResult;
  try {
    result = await db.$transaction(async (tx) => {
      const alert = await tx.alert.create({
        data: { projectId: input.projectId, runId: input.runId, kind: input.kind, dedupeKey: input.dedupeKey, payload: JSON.parse(JSON.stringify(input.payload)) },
        select: { id: true },
      });
      const hooks = await tx.webhook.findMany({
        where: { projectId: input.projectId, disabledAt: null, ...(input.webhookIds ? { id: { in: [...input.webhookIds] } } : {}) },
        select: { id: true, events: true },
      });
      const receiving = hooks.filter((hook) => {
        if (input.webhookIds) return true;
        const events: readonly string[] = readWebhookEvents(hook.events);
        return events.length === 0 || events.includes(input.kind);
      });
      if (receiving.length > 0) await tx.webhookDelivery.createMany({ data: receiving.map((hook) => ({ webhookId: hook.id, alertId: alert.id })) });
      return { raised: true, alertId: alert.id, deliveries: receiving.length };
    });
  } catch (error) {
    // Another process raised the same alert between the check and the insert.
    if ((error as { code?: string }).code === 'P2002') return { raised: false, alertId: null, deliveries: 0 };
    throw error;
  }
  if (result.deliveries > 0) kickDeliveries();
  return result;
}

'use client';

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataState } from '@/components/ui/data-state';
import { ErrorNotice } from '@/components/ui/error-notice';
import { RelativeTime } from '@/components/ui/relative-time';
import { ALERT_KIND_LABELS } from '@/lib/alerts/alert';
import { formatTimestamp } from '@/lib/charts/format';
import { useDeleteWebhook, useTestWebhook, useWebhooks } from '@/lib/queries/webhooks';
import type { Webhook } from '@/lib/schemas/webhooks';
import { WebhookForm } from './webhook-form';

const DELIVERY_TONES: Record<Webhook['deliveries'][number]['status'], BadgeTone> = { pending: 'amber', delivered: 'green', failed: 'red' };

/** Owners' alert webhooks: where alerts go, which ones, and how the latest deliveries went. */
export function WebhooksPanel({ slug }: { slug: string }) {
  const webhooks = useWebhooks(slug, true);
  const remove = useDeleteWebhook(slug);
  const test = useTestWebhook(slug);
  return (
    <section aria-labelledby="webhooks-heading" className="space-y-3">
      <h2 id="webhooks-heading" className="text-base font-semibold text-zinc-900">
        Alert webhooks
      </h2>
      <p className="text-xs text-zinc-600">
        Runs that crash or stall, runs that finish (with their verdict), and high-severity diagnostics are POSTed here once each, in the background, retried with
        backoff when the receiver fails.
      </p>
      {(remove.error || test.error) && <ErrorNotice error={remove.error ?? test.error} title="Could not change the webhook" />}
      <DataState query={webhooks} errorTitle="Could not load the webhooks" isEmpty={(rows) => rows.length === 0} empty={<p className="text-sm text-zinc-600">No webhooks yet.</p>}>
        {(rows) => (
          <ul className="space-y-3">
            {rows.map((hook) => (
              <li key={hook.id} className="rounded-md border border-zinc-200 bg-white p-3" data-testid="webhook">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="min-w-0 text-sm">
                    <code className="break-all font-mono text-xs">{hook.url}</code>
                    <p className="text-xs text-zinc-500">
                      {hook.format === 'slack' ? 'Slack-compatible' : 'plain JSON'} · {hook.events.length === 0 ? 'all alerts' : hook.events.map((kind) => ALERT_KIND_LABELS[kind]).join(', ')}
                    </p>
                  </div>
                  <div className="flex gap-1">
                    <Button size="sm" disabled={test.isPending} onClick={() => test.mutate(hook.id)}>
                      Send a test
                    </Button>
                    <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(hook.id)}>
                      Remove
                    </Button>
                  </div>
                </div>
                <Deliveries hook={hook} />
              </li>
            ))}
          </ul>
        )}
      </DataState>
      <WebhookForm slug={slug} />
    </section>
  );
}

function Deliveries({ hook }: { hook: Webhook }) {
  if (hook.deliveries.length === 0) return <p className="mt-2 text-xs text-zinc-400">Nothing sent yet.</p>;
  return (
    <ul aria-label="Recent deliveries" className="mt-2 space-y-1">
      {hook.deliveries.map((delivery) => (
        <li key={delivery.id} className="flex flex-wrap items-center gap-2 text-xs text-zinc-600" data-testid="webhook-delivery" data-status={delivery.status}>
          <Badge tone={DELIVERY_TONES[delivery.status]}>{delivery.status}</Badge>
          <span className="text-zinc-800">{delivery.alertTitle || ALERT_KIND_LABELS[delivery.alertKind]}</span>
          <RelativeTime iso={delivery.createdAt} />
          <span>
            {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
          </span>
          {delivery.status === 'pending' && delivery.nextAttemptAt && (
            <span title={delivery.nextAttemptAt}>next try {formatTimestamp(delivery.nextAttemptAt)}</span>
          )}
          {delivery.lastError && <span className="text-red-700">{delivery.lastError}</span>}
        </li>
      ))}
    </ul>
  );
}

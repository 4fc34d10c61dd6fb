'use client';

import { useState, type FormEvent } from 'react';
import { authInputClasses } from '@/components/auth/text-field';
import { Button } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { ALERT_KIND_LABELS, SUBSCRIBABLE_ALERT_KINDS, type SubscribableAlertKind } from '@/lib/alerts/alert';
import { useCreateWebhook } from '@/lib/queries/webhooks';

/** Adds a webhook: its address, Slack-compatible or plain JSON, and the alerts it receives (none ticked = all). */
export function WebhookForm({ slug }: { slug: string }) {
  const create = useCreateWebhook(slug);
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<'slack' | 'json'>('slack');
  const [events, setEvents] = useState<SubscribableAlertKind[]>([]);
  const toggle = (kind: SubscribableAlertKind) => setEvents((current) => (current.includes(kind) ? current.filter((item) => item !== kind) : [...current, kind]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { url: url.trim(), format, events },
      {
        onSuccess: () => {
          setUrl('');
          setEvents([]);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Add a webhook" className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-80 flex-1 flex-col gap-1 text-xs font-medium text-zinc-700">
          Webhook URL
          <input required type="url" value={url} placeholder="https://hooks.slack.com/services/…" onChange={(event) => setUrl(event.target.value)} className={authInputClasses} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
          Body
          <select value={format} onChange={(event) => setFormat(event.target.value === 'json' ? 'json' : 'slack')} className={authInputClasses}>
            <option value="slack">Slack-compatible</option>
            <option value="json">Plain JSON</option>
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Add webhook
        </Button>
      </div>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700">
        <legend className="mb-1 font-medium">Alerts (none ticked: all)</legend>
        {SUBSCRIBABLE_ALERT_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-1.5">
            <input type="checkbox" checked={events.includes(kind)} onChange={() => toggle(kind)} />
            {ALERT_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      {create.error && <ErrorNotice error={create.error} title="Could not add the webhook" />}
    </form>
  );
}

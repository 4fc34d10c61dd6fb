'use client';

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { useOrigin } from '@/components/ui/use-origin';
import { useCreateShareLink } from '@/lib/queries/share-links';
import { ShareLinksPanel } from './share-links-panel';

const EXPIRY_CHOICES = [
  { label: 'Never (until revoked)', days: 0 },
  { label: '1 day', days: 1 },
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
];

/**
 * "Share": stores the view in the address bar (path and query, where every view keeps its state)
 * and shows a short /s/… link to copy, plus the project's links with Revoke. The view is read when
 * the link is made, not when the page rendered, so filters changed since then are included.
 */
export function ShareButton({ slug }: { slug: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = () => setOpen((wasOpen) => !wasOpen);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setOpen(false);
  };
  return (
    <div className="relative" onKeyDown={closeOnEscape}>
      <Button size="sm" onClick={toggle} aria-expanded={open} aria-controls={panelId}>
        Share
      </Button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label="Share this view"
          className="absolute right-0 top-full z-20 mt-1 w-[36rem] max-w-[calc(100vw-2rem)] space-y-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-lg"
        >
          <div className="flex items-center justify-between gap-3">
            <h2 className="text-sm font-semibold text-zinc-900">Share this view</h2>
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
          <CreateShareLinkForm slug={slug} />
          <div className="space-y-1">
            <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Share links of this project</h3>
            <ShareLinksPanel slug={slug} />
          </div>
        </div>
      )}
    </div>
  );
}

function CreateShareLinkForm({ slug }: { slug: string }) {
  const create = useCreateShareLink(slug);
  const origin = useOrigin();
  const [title, setTitle] = useState('');
  const [days, setDays] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const viewPath = `${window.location.pathname}${window.location.search}`;
    create.mutate({ viewPath, title: title.trim() || undefined, expiresInDays: days || undefined });
  };
  const link = create.data ? `${origin}${create.data.shareLink.url}` : null;
  return (
    <form onSubmit={submit} className="space-y-3">
      <p className="text-xs text-zinc-600">
        Anyone with the link sees this view read-only, with its filters, selected runs and chart settings.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-40 flex-1 flex-col gap-1 text-xs font-medium text-zinc-700">
          Title (optional)
          <input
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={200}
            className="h-8 rounded-md border border-zinc-300 px-2 text-sm font-normal"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
          Expires
          <select
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm font-normal"
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.days} value={choice.days}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create link'}
        </Button>
      </div>
      {create.isError && <ErrorNotice error={create.error} title="Could not create the share link" />}
      {link && (
        <div className="space-y-1 rounded-md bg-zinc-50 p-2">
          <div className="flex items-center gap-2">
            <input
              readOnly
              value={link}
              aria-label="Share link"
              onFocus={(event) => event.target.select()}
              className="h-7 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 font-mono text-xs"
            />
            <CopyButton text={link} label="Copy share link" />
          </div>
          <p className="text-xs text-zinc-500">Copy it now: for safety the server keeps only a fingerprint and cannot show it again.</p>
        </div>
      )}
    </form>
  );
}

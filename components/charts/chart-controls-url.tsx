'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { toQueryString } from '@/lib/runs-explorer/url-state';
import { observeUrl, shownValue, writeValue, type UrlDraft } from '@/lib/runs-explorer/url-draft';

/** At most one history write per this interval (Safari throws after 100 in 30 s); the latest wins. */
const WRITE_INTERVAL_MS = 250;

let queued: { path: string; query: string } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastWriteAt = 0;

function flush() {
  timer = undefined;
  const write = queued;
  queued = null;
  if (!write || window.location.pathname !== write.path) return;
  lastWriteAt = Date.now();
  window.history.replaceState(null, '', `${write.path}${write.query ? `?${write.query}` : ''}${window.location.hash}`);
}

function queueWrite(params: URLSearchParams) {
  queued = { path: window.location.pathname, query: toQueryString(params) };
  if (timer !== undefined) return;
  const wait = lastWriteAt + WRITE_INTERVAL_MS - Date.now();
  if (wait <= 0) flush();
  else timer = setTimeout(flush, wait);
}

/**
 * A view's query string and the one way to change it, as the runs explorer does it: writes go
 * through history.replaceState (Next keeps useSearchParams in sync without asking the server to
 * render again, unlike router.replace), and a draft shows each change in the same render while the
 * URL catches up (lib/runs-explorer/url-draft). `change` builds on the latest query, never a stale render.
 */
export function useUrlQuery(): [URLSearchParams, (change: (current: URLSearchParams) => URLSearchParams) => void] {
  const urlQuery = useSearchParams().toString();
  const [draft, setDraft] = useState<UrlDraft | null>(null);
  const [seenQuery, setSeenQuery] = useState(urlQuery);
  if (seenQuery !== urlQuery) {
    setSeenQuery(urlQuery);
    setDraft(observeUrl(draft, urlQuery));
  }
  const shown = new URLSearchParams(shownValue(draft, urlQuery));
  const change = (update: (current: URLSearchParams) => URLSearchParams) => {
    const current = new URLSearchParams(queued ? queued.query : window.location.search);
    const next = update(current);
    setDraft((previous) => writeValue(previous, urlQuery, next.toString()));
    queueWrite(next);
  };
  return [shown, change];
}

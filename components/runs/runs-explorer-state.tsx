'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { observeUrl, shownValue, writeValue, type UrlDraft } from '@/lib/runs-explorer/url-draft';
import { changeState, decodeExplorerState, encodeExplorerState, toQueryString, type ExplorerState } from '@/lib/runs-explorer/url-state';

export type ExplorerChange = Partial<ExplorerState> | ((state: ExplorerState) => Partial<ExplorerState>);

/**
 * Browsers limit history updates (Safari throws after 100 in 30 s), and typing a filter makes one
 * per keystroke; so the address bar is written at most this often, the latest state winning.
 */
const WRITE_INTERVAL_MS = 350;

let queued: { path: string; query: string } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastWriteAt = 0;

function flush() {
  timer = undefined;
  const write = queued;
  queued = null;
  // Left the page before the write was due: the query belongs to the old page.
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

/** The query as it is or is about to be: changes build on the latest one, never on a stale render. */
function latestParams(): URLSearchParams {
  return new URLSearchParams(queued ? queued.query : window.location.search);
}

/**
 * The explorer's view state, read from the URL, and the one way to change it.
 *
 * Changes go through history.replaceState, the documented way to change the query without a
 * navigation: Next keeps useSearchParams in sync and, unlike router.replace, does not ask the
 * server to render the page again for every keystroke or checkbox. The page shows a change in the
 * same render through a draft (lib/runs-explorer/url-draft) while the URL catches up.
 */
export function useExplorerState(): [ExplorerState, (change: ExplorerChange) => void] {
  const urlQuery = useSearchParams().toString();
  const [draft, setDraft] = useState<UrlDraft | null>(null);
  const [seenQuery, setSeenQuery] = useState(urlQuery);
  if (seenQuery !== urlQuery) {
    // Adjusting state to a changed input during render, as React recommends instead of an effect.
    setSeenQuery(urlQuery);
    setDraft(observeUrl(draft, urlQuery));
  }
  const query = shownValue(draft, urlQuery);
  const state = useMemo(() => decodeExplorerState(new URLSearchParams(query)), [query]);

  const change = (change: ExplorerChange) => {
    const current = latestParams();
    const before = decodeExplorerState(current);
    const params = encodeExplorerState(changeState(before, typeof change === 'function' ? change(before) : change), current);
    setDraft((previous) => writeValue(previous, urlQuery, params.toString()));
    queueWrite(params);
  };
  return [state, change];
}

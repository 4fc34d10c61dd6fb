'use client';

import { useMemo } from 'react';
import { useUrlQuery } from '@/components/charts/chart-controls-url';
import { changeState, decodeExplorerState, encodeExplorerState, type ExplorerState } from '@/lib/runs-explorer/url-state';

export type ExplorerChange = Partial<ExplorerState> | ((state: ExplorerState) => Partial<ExplorerState>);

/**
 * The explorer's view state, read from the URL, and the one way to change it. Writes go through
 * the shared URL query hook (history.replaceState, throttled, with a draft shown in the same
 * render), so typing a filter neither re-renders the page on the server nor loses keystrokes.
 */
export function useExplorerState(): [ExplorerState, (change: ExplorerChange) => void] {
  const [query, writeQuery] = useUrlQuery();
  const queryText = query.toString();
  const state = useMemo(() => decodeExplorerState(new URLSearchParams(queryText)), [queryText]);
  const change = (change: ExplorerChange) =>
    writeQuery((current) => {
      const before = decodeExplorerState(current);
      return encodeExplorerState(changeState(before, typeof change === 'function' ? change(before) : change), current);
    });
  return [state, change];
}

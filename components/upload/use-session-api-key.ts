'use client';

import { useSyncExternalStore } from 'react';

/** Same-tab writes do not fire `storage` events, so the hook listens for this one too. */
const CHANGE_EVENT = 'reproboard:session-api-key';

const storageKey = (slug: string) => `reproboard:api-key:${slug}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/**
 * A project's API key remembered in sessionStorage: for this tab only, gone when it closes. Read
 * through useSyncExternalStore, since storage is a system outside React (null on the server).
 */
export function useSessionApiKey(slug: string): [string | null, (key: string | null) => void] {
  const key = useSyncExternalStore(
    subscribe,
    () => window.sessionStorage.getItem(storageKey(slug)),
    () => null,
  );
  const setKey = (next: string | null) => {
    if (next === null) window.sessionStorage.removeItem(storageKey(slug));
    else window.sessionStorage.setItem(storageKey(slug), next);
    window.dispatchEvent(new Event(CHANGE_EVENT));
  };
  return [key, setKey];
}

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** This server's origin as the browser sees it (for copy-paste examples); a placeholder on the server. */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => 'http://localhost:3000',
  );
}

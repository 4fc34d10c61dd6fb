import { isServer, QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api-request-error';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero so data fetched moments ago (or hydrated from the server) is not refetched at once.
        staleTime: 10_000,
        // A 4xx (unknown project, bad key) will not fix itself; retry only network and server errors.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server request (never shared between users); one client for the browser's lifetime. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

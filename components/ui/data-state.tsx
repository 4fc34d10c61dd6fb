import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from './error-notice';
import { Skeleton } from './skeleton';

/**
 * The one way a panel renders a query: skeleton while pending, the API's error message (with retry)
 * on failure, an empty state when `isEmpty` says so, otherwise the children with the data. A failed
 * background refetch keeps showing the last data, with the error above it.
 */
export function DataState<T>({
  query,
  loading,
  errorTitle,
  isEmpty,
  empty,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'isError' | 'refetch'>;
  loading?: ReactNode;
  errorTitle?: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const retry = () => void query.refetch();
  if (query.data === undefined) {
    if (query.isError) {
      return (
        <div className="p-3">
          <ErrorNotice error={query.error} title={errorTitle} onRetry={retry} />
        </div>
      );
    }
    return (
      loading ?? (
        <div role="status" aria-label="Loading" className="p-4">
          <Skeleton className="h-24 w-full" />
        </div>
      )
    );
  }
  const data = query.data;
  return (
    <>
      {query.isError && (
        <div className="p-3">
          <ErrorNotice error={query.error} title="Live update failed; showing the last data received" onRetry={retry} />
        </div>
      )}
      {isEmpty?.(data) ? empty : children(data)}
    </>
  );
}

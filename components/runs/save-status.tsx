'use client';

import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { errorMessageOf } from '@/lib/queries/api-request-error';

interface SaveMutation {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  retry: () => void;
}

/** What an in-place edit is doing: saving, or not saved with the API's reason and a retry. */
export function SaveStatus({ mutation, className }: { mutation: SaveMutation; className?: string }) {
  return (
    <>
      {mutation.isPending && (
        <span role="status" className={cn('text-xs text-zinc-500', className)}>
          Saving…
        </span>
      )}
      {mutation.isError && (
        <span role="alert" className={cn('text-xs text-red-700', className)}>
          Not saved: {errorMessageOf(mutation.error)}{' '}
          <Button size="sm" variant="ghost" onClick={mutation.retry}>
            Retry
          </Button>
        </span>
      )}
    </>
  );
}

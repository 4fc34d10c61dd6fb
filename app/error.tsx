'use client';

import { ErrorNotice } from '@/components/ui/error-notice';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <ErrorNotice error={error} title="This page failed to render" />
      <Button onClick={() => retry()}>Try again</Button>
    </div>
  );
}

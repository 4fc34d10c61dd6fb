import type { ReactNode } from 'react';

/** What to show when a query succeeded but there is nothing yet, with what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-6 py-10 text-center">
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {children && <div className="mx-auto mt-2 max-w-2xl text-sm text-zinc-600">{children}</div>}
    </div>
  );
}

import type { ReactNode } from 'react';
import { cn } from './cn';

/** A bordered white panel; with a title it is a labelled section with a heading of the given level. */
export function Card({
  title,
  headingLevel = 2,
  actions,
  className,
  children,
}: {
  title?: ReactNode;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={cn('rounded-lg border border-zinc-200 bg-white shadow-xs', className)}>
      {title !== undefined && (
        <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-2.5">
          <Heading className="text-sm font-semibold text-zinc-900">{title}</Heading>
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClasses } from './button';

/** The body of every not-found page: what is missing and the way back. */
export function NotFoundMessage({ title, children, backHref = '/', backLabel = 'Back to projects' }: {
  title: string;
  children: ReactNode;
  backHref?: string;
  backLabel?: string;
}) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center" data-testid="not-found">
      <p className="text-sm font-medium text-accent-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm break-words text-zinc-600">{children}</p>
      <Link href={backHref} className={`${buttonClasses('secondary')} mt-6`}>
        {backLabel}
      </Link>
    </div>
  );
}

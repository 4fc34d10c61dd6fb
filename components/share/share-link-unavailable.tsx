import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** The page a revoked or expired share link shows instead of its view, with when it stopped working. */
export function ShareLinkUnavailable({ reason, at }: { reason: 'revoked' | 'expired'; at: string }) {
  const when = `${DATE_FORMAT.format(new Date(at))} UTC`;
  return (
    <div className="mx-auto max-w-xl py-16 text-center" data-testid="share-link-unavailable">
      <p className="text-sm font-medium text-accent-600">{reason === 'revoked' ? 'Link revoked' : 'Link expired'}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">
        This share link {reason === 'revoked' ? 'was revoked' : 'expired'} on <time dateTime={at}>{when}</time>
      </h1>
      <p className="mt-2 text-sm text-zinc-600">
        The view it pointed to is no longer shared through this link. Ask whoever sent it for a new one.
      </p>
      <Link href="/" className={`${buttonClasses('secondary')} mt-6`}>
        Go to projects
      </Link>
    </div>
  );
}

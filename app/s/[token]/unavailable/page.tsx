import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ShareLinkUnavailable } from '@/components/share/share-link-unavailable';
import { getDb } from '@/lib/db/client';
import { resolveShareToken } from '@/lib/db/share-links';

export const metadata: Metadata = { title: 'Shared view', robots: { index: false, follow: false } };

/**
 * A short share link. The one exception to "no database in pages": the answer is a redirect made
 * before anything renders, so the page calls a single repository function (see resolveShareToken).
 */
export default async function ShareLinkPage({ params }: PageProps<'/s/[token]'>) {
  const { token } = await params;
  const link = await resolveShareToken(getDb(), token);
  if (link.status === 'unknown') notFound();
  if (link.status === 'active') redirect(link.viewPath);
  return <ShareLinkUnavailable reason={link.status} at={link.status === 'revoked' ? link.revokedAt : link.expiresAt} />;
}

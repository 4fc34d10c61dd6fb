import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ShareLinkUnavailable } from '@/components/share/share-link-unavailable';
import { getDb } from '@/lib/db/client';
import { resolveShareToken } from '@/lib/db/share-links';

export const metadata: Metadata = { title: 'Shared view', robots: { index: false, follow: false } };

/**
 * Why a share link does not open (revoked, expired) or a 404 for a token that never existed.
 * Like /s/{token} itself, it reads the one repository function that resolves a token.
 */
export default async function ShareLinkUnavailablePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveShareToken(getDb(), token);
  if (link.status === 'unknown') notFound();
  if (link.status === 'active') redirect(`/s/${token}`);
  return <ShareLinkUnavailable reason={link.status} at={link.status === 'revoked' ? link.revokedAt : link.expiresAt} />;
}

import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { SHARE_COOKIE } from '@/lib/auth/share-grant';

/**
 * Sends a visitor with neither a session cookie nor a share-link cookie to sign in, remembering
 * the page. Only a shortcut for the common case: every page and API route checks access itself
 * on the server (lib/auth/page-access.ts, lib/api/project-access.ts).
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request) || request.cookies.has(SHARE_COOKIE)) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (next !== '/') signIn.searchParams.set('next', next);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: the API answers 401 itself, and sign-in, set-up, share links and assets stay open.
  matcher: ['/((?!api/|_next/|sign-in|setup|s/|favicon|.*\\.(?:svg|png|ico|txt|js|css)$).*)'],
};

import { readShareTokens, SHARE_COOKIE, withShareToken } from '@/lib/auth/share-grant';
import { getDb } from '@/lib/db/client';
import { resolveShareToken } from '@/lib/db/share-links';

const YEAR_SECONDS = 365 * 24 * 3600;

// GET /s/{token}: a share link. An active link stores its token in an httpOnly cookie (the read-only
// grant the shared pages' API calls carry) and redirects to the shared view; any other link goes to
// the page that says why it does not open.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveShareToken(getDb(), token);
  if (link.status !== 'active') return redirectTo(`/s/${encodeURIComponent(token)}/unavailable`);
  const tokens = withShareToken(readShareTokens(request.headers.get('cookie')), token);
  const response = redirectTo(link.viewPath);
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  response.headers.append('set-cookie', `${SHARE_COOKIE}=${tokens.join('.')}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${YEAR_SECONDS}${secure}`);
  return response;
}

/** A relative Location, so the redirect stays on whatever host and scheme the visitor used. */
function redirectTo(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path, 'cache-control': 'no-store' } });
}

/**
 * The origins allowed to post to the sign-in endpoints: the origin the request itself was sent to
 * (its Host, as forwarded by a reverse proxy), plus REPROBOARD_TRUSTED_ORIGINS. Comparing Origin
 * with Host is the same-origin check that stops cross-site form posts, and it works whatever name
 * the lab's machines use for the server (127.0.0.1, a hostname, a proxy's domain).
 */
export function trustedOriginsFor(request: Request | undefined, configured: string | undefined): string[] {
  const extra = (configured ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (!request) return extra;
  const url = new URL(request.url);
  const host = firstValue(request.headers.get('x-forwarded-host')) ?? request.headers.get('host') ?? url.host;
  const protocol = firstValue(request.headers.get('x-forwarded-proto')) ?? url.protocol.replace(/:$/, '');
  return [`${protocol}://${host}`, ...extra];
}

function firstValue(header: string | null): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}

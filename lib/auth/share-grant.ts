/**
 * The share-link grant a browser carries: opening /s/<token> stores the token in an httpOnly
 * cookie, so the shared page's API reads can prove they come from a link holder. A few links are
 * kept, newest first, so opening a second link does not break the first one's tab.
 */
export const SHARE_COOKIE = 'reproboard_share';
const MAX_TOKENS = 8;

export function readShareTokens(cookieHeader: string | null | undefined): string[] {
  if (!cookieHeader) return [];
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== SHARE_COOKIE) continue;
    return decodeURIComponent(rest.join('='))
      .split('.')
      .filter((token) => /^[A-Za-z0-9_-]{16,128}$/.test(token))
      .slice(0, MAX_TOKENS);
  }
  return [];
}

export function withShareToken(existing: readonly string[], token: string): string[] {
  return [token, ...existing.filter((held) => held !== token)].slice(0, MAX_TOKENS);
}

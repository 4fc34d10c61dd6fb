import { z } from 'zod';

export const SHARE_VIEW_PATH_MAX = 4000;

/** Any origin works: it only anchors relative paths so the URL parser can normalise them. */
const PROBE_ORIGIN = 'http://share-link.invalid';

/**
 * Where a share link may point: an app path (never a scheme, host or protocol-relative `//host`,
 * which would make the short link an open redirect) under the project's own pages or under
 * `/papers`. Dot segments are resolved first, so `/projects/a/../b` counts as `/projects/b`.
 * Returns the normalised path (pathname + query + hash), or null with the reason.
 */
export function checkShareViewPath(viewPath: string, projectSlug: string): { path: string } | { reason: string } {
  if (!viewPath.startsWith('/') || viewPath.startsWith('//')) return { reason: 'must be an app path starting with a single "/", without scheme or host' };
  if (/[\\\s\u0000-\u001f\u007f]/.test(viewPath)) return { reason: 'must not contain backslashes, spaces or control characters' };
  let url: URL;
  try {
    url = new URL(viewPath, PROBE_ORIGIN);
  } catch {
    return { reason: 'is not a valid path' };
  }
  if (url.origin !== PROBE_ORIGIN) return { reason: 'must stay on this server' };
  const projectBase = `/projects/${projectSlug}`;
  const inside = (base: string) => url.pathname === base || url.pathname.startsWith(`${base}/`);
  if (!inside(projectBase) && !inside('/papers')) return { reason: `must be a page under ${projectBase} or /papers` };
  return { path: `${url.pathname}${url.search}${url.hash}` };
}

const shareLinkFieldsSchema = z.object({
  viewPath: z.string().min(1).max(SHARE_VIEW_PATH_MAX).describe('The view to share: an app path with its query, under /projects/{project} or /papers.'),
  title: z.string().trim().max(200).optional(),
  expiresInDays: z.number().int().min(1).max(365).optional().describe('Omit for a link that lasts until revoked.'),
});

/** The create body as documented; the route validates with `shareLinkCreateSchemaFor(project)`. */
export const shareLinkCreateSchema = shareLinkFieldsSchema;
export type ShareLinkCreateInput = z.input<typeof shareLinkCreateSchema>;

/** The create body for one project: `viewPath` is checked against the project and normalised. */
export function shareLinkCreateSchemaFor(projectSlug: string) {
  return shareLinkFieldsSchema.transform((input, context) => {
    const checked = checkShareViewPath(input.viewPath, projectSlug);
    if ('reason' in checked) {
      context.addIssue({ code: 'custom', path: ['viewPath'], message: checked.reason });
      return z.NEVER;
    }
    return { ...input, viewPath: checked.path };
  });
}

export const shareLinkStatusSchema = z.enum(['active', 'revoked', 'expired']);
export type ShareLinkStatus = z.infer<typeof shareLinkStatusSchema>;

export const shareLinkSchema = z.object({
  id: z.string(),
  viewPath: z.string(),
  title: z.string(),
  status: shareLinkStatusSchema,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

export const shareLinkCreatedSchema = z.object({
  shareLink: shareLinkSchema.extend({ url: z.string().describe('The short link, /s/{token}; shown only in this response.') }),
  token: z.string().describe('The secret token (at least 128 random bits), shown only in this response; the server keeps its SHA-256.'),
});
export type ShareLinkCreated = z.infer<typeof shareLinkCreatedSchema>;

export const shareLinkListSchema = z.object({ shareLinks: z.array(shareLinkSchema) });
export const shareLinkResponseSchema = z.object({ shareLink: shareLinkSchema });

export const shareLinkParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** A share token as issued (base64url); anything else cannot be a link, so it needs no lookup. */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

export function shareLinkStatus(link: { expiresAt: string | null; revokedAt: string | null }, now: number): ShareLinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && Date.parse(link.expiresAt) <= now) return 'expired';
  return 'active';
}

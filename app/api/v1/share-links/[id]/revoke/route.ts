import { ApiError } from '@/lib/api/api-error';
import { defineRoute } from '@/lib/api/define-route';
import { getDb } from '@/lib/db/client';
import { requireProjectRole, requireSignedIn } from '@/lib/api/project-access';
import { findShareLinkProjectSlug, revokeShareLink } from '@/lib/db/share-links';
import { shareLinkParamsSchema } from '@/lib/schemas/share-links';

// POST /api/v1/share-links/{id}/revoke: stop a share link from opening its view (idempotent).
export const POST = defineRoute({ params: shareLinkParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  await requireSignedIn(request);
  const projectSlug = await findShareLinkProjectSlug(db, params.id);
  if (!projectSlug) throw new ApiError('not_found', `id: no share link "${params.id}"`);
  await requireProjectRole(db, request, projectSlug, 'member');
  const shareLink = await revokeShareLink(db, params.id);
  if (!shareLink) throw new ApiError('not_found', `id: no share link "${params.id}"`);
  return Response.json({ shareLink });
});

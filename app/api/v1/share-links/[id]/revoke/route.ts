import { ApiError } from '@/lib/api/api-error';
import { defineRoute } from '@/lib/api/define-route';
import { getDb } from '@/lib/db/client';
import { revokeShareLink } from '@/lib/db/share-links';
import { shareLinkParamsSchema } from '@/lib/schemas/share-links';

// POST /api/v1/share-links/{id}/revoke: stop a share link from opening its view (idempotent).
// Open like the other UI writes until accounts arrive; then it will need the project's member role.
export const POST = defineRoute({ params: shareLinkParamsSchema }, async ({ params }) => {
  const shareLink = await revokeShareLink(getDb(), params.id);
  if (!shareLink) throw new ApiError('not_found', `id: no share link "${params.id}"`);
  return Response.json({ shareLink });
});

import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { createShareLink, listShareLinks } from '@/lib/db/share-links';
import { projectParamsSchema } from '@/lib/schemas/route-params';
import { shareLinkCreateSchemaFor } from '@/lib/schemas/share-links';

// GET /api/v1/projects/{project}/share-links: the project's share links, newest first (never their tokens).
export const GET = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  return Response.json({ shareLinks: await listShareLinks(db, project.id) });
});

// POST /api/v1/projects/{project}/share-links: store a view and answer with its short link; the token is shown only here.
export const POST = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  const input = parseBody(shareLinkCreateSchemaFor(project.slug), await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  return Response.json(await createShareLink(db, project.id, input), { status: 201 });
});

import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProject } from '@/lib/api/lookups';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { createShareLink, listShareLinks } from '@/lib/db/share-links';
import { readEnv } from '@/lib/env';
import { projectParamsSchema } from '@/lib/schemas/route-params';
import { shareLinkCreateSchemaFor } from '@/lib/schemas/share-links';

// Accounts come in a later issue, which will require the member role to create and revoke share
// links; until then, like the other UI writes, these are open to anyone who can reach the server.

// GET /api/v1/projects/{project}/share-links: the project's share links, newest first (never their tokens).
export const GET = defineRoute({ params: projectParamsSchema }, async ({ params }) => {
  const db = getDb();
  const project = await requireProject(db, params.project);
  return Response.json({ shareLinks: await listShareLinks(db, project.id) });
});

// POST /api/v1/projects/{project}/share-links: store a view and answer with its short link; the token is shown only here.
export const POST = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProject(db, params.project);
  const input = parseBody(shareLinkCreateSchemaFor(project.slug), await readJsonBody(request, readEnv().REPROBOARD_MAX_JSON_BYTES));
  return Response.json(await createShareLink(db, project.id, input), { status: 201 });
});

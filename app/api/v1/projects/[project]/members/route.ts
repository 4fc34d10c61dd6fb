import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { listMembers, setMemberRole } from '@/lib/db/project-members';
import { findUserByEmail } from '@/lib/db/users';
import { memberAddSchema } from '@/lib/schemas/accounts';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}/members: who is in the project, with their roles.
export const GET = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  return Response.json({ members: await listMembers(db, project.id) });
});

// POST /api/v1/projects/{project}/members: add an existing account to the project with a role (or change its role).
export const POST = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  const input = parseBody(memberAddSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  const user = await findUserByEmail(db, input.email);
  if (!user) throw new ApiError('not_found', `body.email: no account "${input.email}"; an admin creates accounts first`);
  await setMemberRole(db, project.id, user.id, input.role);
  return Response.json({ members: await listMembers(db, project.id) }, { status: 201 });
});

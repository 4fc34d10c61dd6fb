import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb, type Db } from '@/lib/db/client';
import { countOwners, findMemberRole, listMembers, removeMember, setMemberRole } from '@/lib/db/project-members';
import { memberUpdateSchema } from '@/lib/schemas/accounts';
import { memberParamsSchema } from '@/lib/schemas/route-params';

/** A project must keep an owner, or nobody could manage its members and keys again. */
async function assertNotLastOwner(db: Db, projectId: string, userId: string): Promise<void> {
  if ((await findMemberRole(db, projectId, userId)) === 'owner' && (await countOwners(db, projectId)) === 1) {
    throw new ApiError('conflict', 'userId: this is the project\'s last owner; make someone else owner first');
  }
}

// PATCH /api/v1/projects/{project}/members/{userId}: change a member's role.
export const PATCH = defineRoute({ params: memberParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  const input = parseBody(memberUpdateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  if (!(await findMemberRole(db, project.id, params.userId))) throw new ApiError('not_found', `userId: not a member of project "${params.project}"`);
  if (input.role !== 'owner') await assertNotLastOwner(db, project.id, params.userId);
  await setMemberRole(db, project.id, params.userId, input.role);
  return Response.json({ members: await listMembers(db, project.id) });
});

// DELETE /api/v1/projects/{project}/members/{userId}: remove a member from the project.
export const DELETE = defineRoute({ params: memberParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  await assertNotLastOwner(db, project.id, params.userId);
  if (!(await removeMember(db, project.id, params.userId))) throw new ApiError('not_found', `userId: not a member of project "${params.project}"`);
  return new Response(null, { status: 204 });
});

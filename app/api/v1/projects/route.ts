import { defineRoute, parseBody } from '@/lib/api/define-route';
import { ApiError } from '@/lib/api/api-error';
import { requireSignedIn } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { createProject, listProjects, SlugTakenError } from '@/lib/db/projects';
import { readEnv } from '@/lib/env';
import { projectCreateSchema } from '@/lib/schemas/project';

// GET /api/v1/projects: the projects the signed-in user may read (an admin: all), with run counts.
export const GET = defineRoute({}, async ({ request }) => {
  const user = await requireSignedIn(request);
  return Response.json({ projects: await listProjects(getDb(), { memberId: user.isAdmin ? undefined : user.id }) });
});

// POST /api/v1/projects: create a project owned by the signed-in user; the response carries its first API key, shown only once.
export const POST = defineRoute({}, async ({ request }) => {
  const user = await requireSignedIn(request);
  const input = parseBody(projectCreateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  try {
    const staleAfterSeconds = readEnv().REPROBOARD_STALE_AFTER_SECONDS;
    return Response.json(await createProject(getDb(), { ...input, staleAfterSeconds, ownerId: user.id }), { status: 201 });
  } catch (error) {
    if (error instanceof SlugTakenError) throw new ApiError('conflict', `slug: a project "${error.message}" already exists`);
    throw error;
  }
});

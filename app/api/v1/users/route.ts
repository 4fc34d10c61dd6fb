import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireSignedIn } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { createUser, EmailTakenError, listUsers } from '@/lib/db/users';
import { userCreateSchema } from '@/lib/schemas/accounts';

async function requireAdmin(request: Request) {
  const user = await requireSignedIn(request);
  if (!user.isAdmin) throw new ApiError('forbidden', 'role: only an admin manages accounts');
  return user;
}

// GET /api/v1/users: every account (admins only).
export const GET = defineRoute({}, async ({ request }) => {
  await requireAdmin(request);
  return Response.json({ users: await listUsers(getDb()) });
});

// POST /api/v1/users: create an account with a first password the person changes (admins only).
export const POST = defineRoute({}, async ({ request }) => {
  await requireAdmin(request);
  const input = parseBody(userCreateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  try {
    return Response.json({ user: await createUser(getDb(), input) }, { status: 201 });
  } catch (error) {
    if (error instanceof EmailTakenError) throw new ApiError('conflict', `body.email: an account "${input.email}" already exists`);
    throw error;
  }
});

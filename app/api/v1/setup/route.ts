import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { readJsonBody } from '@/lib/api/read-body';
import { needsFirstAdmin } from '@/lib/auth/initial-admin';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/db/users';
import { userCreateSchema } from '@/lib/schemas/accounts';

const firstAdminSchema = userCreateSchema.omit({ admin: true });

// POST /api/v1/setup: create the first admin; answers 409 once any account exists (one-time set-up).
export const POST = defineRoute({}, async ({ request }) => {
  const db = getDb();
  if (!(await needsFirstAdmin(db))) throw new ApiError('conflict', 'setup: an account already exists; sign in, or ask an admin for an account');
  const input = parseBody(firstAdminSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  return Response.json({ user: await createUser(db, { ...input, admin: true }) }, { status: 201 });
});

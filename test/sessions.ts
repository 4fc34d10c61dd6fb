/**
 * Real Better Auth sessions for route tests: an account is created the way the app creates one
 * (lib/db/users.ts), then signed in through Better Auth's sign-in endpoint, and the session
 * cookie it sets is what the test sends.
 */
import { randomUUID } from 'node:crypto';
import { getAuth } from '../lib/auth/auth';
import type { ProjectRole } from '../lib/auth/roles';
import type { Db } from '../lib/db/client';
import { setMemberRole } from '../lib/db/project-members';
import { createUser } from '../lib/db/users';

export interface TestUser {
  id: string;
  email: string;
  /** The Cookie header value of a signed-in session. */
  cookie: string;
}

const PASSWORD = 'correct horse battery';

export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const response = await getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .join('; ');
}

/** An account signed in; `admin` makes a site admin, `projects` adds memberships. */
export async function createSignedInUser(
  db: Db,
  options: { admin?: boolean; projects?: { projectId: string; role: ProjectRole }[]; email?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? `user-${randomUUID().slice(0, 8)}@lab.example`;
  const user = await createUser(db, { email, name: email.split('@')[0]!, password: PASSWORD, admin: options.admin });
  for (const membership of options.projects ?? []) await setMemberRole(db, membership.projectId, user.id, membership.role);
  return { id: user.id, email, cookie: await signIn(email) };
}

import 'server-only';
import type { Db } from '@/lib/db/client';
import { hasWriteRoleAnywhere } from '@/lib/db/project-members';
import { ApiError } from './api-error';
import { requireSignedIn } from './project-access';
import type { SessionUser } from '@/lib/auth/session-user';

/**
 * Papers and their reported results are shared by every project of the lab, so changing them
 * (importing a paper, a tolerance) needs the member role in at least one project, or an admin.
 */
export async function requireLabWriter(db: Db, request: Request): Promise<SessionUser> {
  const user = await requireSignedIn(request);
  if (user.isAdmin || (await hasWriteRoleAnywhere(db, user.id))) return user;
  throw new ApiError('forbidden', 'role: changing papers needs the member role in at least one project; viewers can only read');
}

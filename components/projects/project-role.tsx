'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { roleAtLeast, type ProjectRole } from '@/lib/auth/roles';

interface ProjectRoleValue {
  role: ProjectRole;
  viaShareLink: boolean;
}

const ProjectRoleContext = createContext<ProjectRoleValue>({ role: 'viewer', viaShareLink: false });

/**
 * The visitor's role in the project, decided on the server by the project layout, so pages can
 * hide controls the visitor may not use. The server checks every write again; this only spares a
 * viewer buttons that would answer 403.
 */
export function ProjectRoleProvider({ value, children }: { value: ProjectRoleValue; children: ReactNode }) {
  return <ProjectRoleContext.Provider value={value}>{children}</ProjectRoleContext.Provider>;
}

export function useProjectRole(): ProjectRoleValue {
  return useContext(ProjectRoleContext);
}

/** Whether the visitor may edit runs, notes, links, plans and share links. */
export function useCanEdit(): boolean {
  return roleAtLeast(useContext(ProjectRoleContext).role, 'member');
}

export function useIsOwner(): boolean {
  return roleAtLeast(useContext(ProjectRoleContext).role, 'owner');
}

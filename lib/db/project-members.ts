import 'server-only';
import type { ProjectRole } from '@/lib/auth/roles';
import type { Db } from './client';

export interface ProjectMember {
  userId: string;
  email: string;
  name: string;
  role: ProjectRole;
  createdAt: string;
}

export async function findMemberRole(db: Db, projectId: string, userId: string): Promise<ProjectRole | null> {
  const row = await db.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } } });
  return (row?.role as ProjectRole | undefined) ?? null;
}

export async function listMembers(db: Db, projectId: string): Promise<ProjectMember[]> {
  const rows = await db.projectMember.findMany({ where: { projectId }, include: { user: true }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: row.role as ProjectRole,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Adds a member or changes the role of one. */
export async function setMemberRole(db: Db, projectId: string, userId: string, role: ProjectRole): Promise<void> {
  await db.projectMember.upsert({
    where: { projectId_userId: { projectId, userId } },
    create: { projectId, userId, role },
    update: { role },
  });
}

export async function removeMember(db: Db, projectId: string, userId: string): Promise<boolean> {
  const { count } = await db.projectMember.deleteMany({ where: { projectId, userId } });
  return count > 0;
}

export async function countOwners(db: Db, projectId: string): Promise<number> {
  return db.projectMember.count({ where: { projectId, role: 'owner' } });
}

/** Ids of the projects a user is a member of, in any role. */
export async function listProjectIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.projectMember.findMany({ where: { userId }, select: { projectId: true } });
  return rows.map((row) => row.projectId);
}

export async function hasWriteRoleAnywhere(db: Db, userId: string): Promise<boolean> {
  return (await db.projectMember.count({ where: { userId, role: { in: ['member', 'owner'] } } })) > 0;
}

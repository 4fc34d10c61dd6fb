import 'server-only';
import type { Db } from '@/lib/db/client';
import { getProjectBySlug } from '@/lib/db/projects';
import { findRun } from '@/lib/db/runs';
import type { Project } from '@/lib/schemas/project';
import { ApiError } from './api-error';

export async function requireProject(db: Db, slug: string): Promise<Project> {
  const project = await getProjectBySlug(db, slug);
  if (!project) throw new ApiError('not_found', `project: no project "${slug}"`);
  return project;
}

export function runNotFound(projectSlug: string, key: string): ApiError {
  return new ApiError('not_found', `run: no run "${key}" in project "${projectSlug}"; create it first with PUT /api/v1/projects/${projectSlug}/runs/{run}`);
}

export async function requireRun(db: Db, project: Pick<Project, 'id' | 'slug'>, key: string) {
  const run = await findRun(db, project.id, key);
  if (!run) throw runNotFound(project.slug, key);
  return run;
}

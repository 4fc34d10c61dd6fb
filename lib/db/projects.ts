import 'server-only';
import type { Project, ProjectCreateInput, ProjectUpdateInput } from '@/lib/schemas/project';
import { mergeThresholdOverrides, readThresholdOverrides } from '@/lib/diagnostics/thresholds';
import type { Db } from './client';
import { createApiKey, type CreatedApiKey } from './api-keys';

type ProjectRow = Awaited<ReturnType<Db['project']['findUniqueOrThrow']>> & { _count: { runs: number } };

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    isDemo: row.isDemo,
    staleAfterSeconds: row.staleAfterSeconds,
    paperIds: Array.isArray(row.paperIds) ? row.paperIds.filter((id): id is string => typeof id === 'string') : [],
    gpuHourPriceUsd: row.gpuHourPriceUsd,
    diagnosticThresholds: readThresholdOverrides(row.diagnosticThresholds),
    gpuType: row.gpuType,
    gpuCount: row.gpuCount,
    budgetGpuHours: row.budgetGpuHours,
    budgetUsd: row.budgetUsd,
    runCount: row._count.runs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug || 'project';
}

/** Every project, or with `memberId` only the projects that user is a member of. */
export async function listProjects(db: Db, options: { memberId?: string } = {}): Promise<Project[]> {
  const rows = await db.project.findMany({
    where: options.memberId ? { members: { some: { userId: options.memberId } } } : undefined,
    orderBy: { createdAt: 'asc' },
    include: { _count: { select: { runs: true } } },
  });
  return rows.map(toProject);
}

export async function getProjectBySlug(db: Db, slug: string): Promise<Project | null> {
  const row = await db.project.findUnique({ where: { slug }, include: { _count: { select: { runs: true } } } });
  return row ? toProject(row) : null;
}

export class SlugTakenError extends Error {}

/**
 * Creates a project with its first API key and, when made by a person, that person as its owner,
 * in one transaction so no project lacks a key or an owner.
 */
export async function createProject(
  db: Db,
  input: ProjectCreateInput & { isDemo?: boolean; staleAfterSeconds?: number; paperIds?: string[]; ownerId?: string },
): Promise<{ project: Project; apiKey: CreatedApiKey }> {
  const slug = input.slug ?? slugify(input.name);
  if (await db.project.findUnique({ where: { slug } })) throw new SlugTakenError(slug);
  return db.$transaction(async (tx) => {
    const row = await tx.project.create({
      data: {
        slug,
        name: input.name,
        description: input.description ?? '',
        isDemo: input.isDemo ?? false,
        staleAfterSeconds: input.staleAfterSeconds,
        paperIds: input.paperIds ?? [],
      },
      include: { _count: { select: { runs: true } } },
    });
    const apiKey = await createApiKey(tx, row.id, 'default');
    if (input.ownerId) await tx.projectMember.create({ data: { projectId: row.id, userId: input.ownerId, role: 'owner' } });
    return { project: toProject(row), apiKey };
  });
}

export class UnknownPaperError extends Error {}

/** Changes a project's settings; target papers must exist so the scorecard never points at nothing. */
export async function updateProject(db: Db, slug: string, input: ProjectUpdateInput): Promise<Project | null> {
  if (input.paperIds) {
    const known = await db.paper.findMany({ where: { id: { in: input.paperIds } }, select: { id: true } });
    const missing = input.paperIds.find((id) => !known.some((paper) => paper.id === id));
    if (missing) throw new UnknownPaperError(missing);
  }
  const existing = await db.project.findUnique({ where: { slug } });
  if (!existing) return null;
  const row = await db.project.update({
    where: { slug },
    // Threshold overrides are a merge patch: a number sets one, null puts it back to its default.
    data: { ...input, diagnosticThresholds: input.diagnosticThresholds && mergeThresholdOverrides(existing.diagnosticThresholds, input.diagnosticThresholds) },
    include: { _count: { select: { runs: true } } },
  });
  return toProject(row);
}

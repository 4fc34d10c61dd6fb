import 'server-only';
import type { RunDetail, RunDisplayStatus, RunSummary, RunUpsertInput } from '@/lib/schemas/run';
import { runStatusSchema } from '@/lib/schemas/run';
import type { Db } from './client';

type RunRow = Awaited<ReturnType<Db['run']['findUniqueOrThrow']>>;

export function displayStatusOf(
  run: Pick<RunRow, 'status' | 'lastHeartbeatAt' | 'createdAt'>,
  staleAfterSeconds: number,
  now = Date.now(),
): RunDisplayStatus {
  if (run.status !== 'running') return runStatusSchema.parse(run.status);
  const lastSign = (run.lastHeartbeatAt ?? run.createdAt).getTime();
  return now - lastSign > staleAfterSeconds * 1000 ? 'stale' : 'running';
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function stringRecord(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

export function toRunSummary(row: RunRow, staleAfterSeconds: number): RunSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    status: runStatusSchema.parse(row.status),
    displayStatus: displayStatusOf(row, staleAfterSeconds),
    model: row.model,
    gpus: row.gpus,
    batchSize: row.batchSize,
    globalBatchSize: row.globalBatchSize,
    precision: row.precision,
    samplesSeen: row.samplesSeen,
    plannedSamples: row.samplesPerEpoch && row.epochs ? row.samplesPerEpoch * row.epochs : null,
    latestTop1: row.latestTop1,
    lastHeartbeatAt: row.lastHeartbeatAt?.toISOString() ?? null,
    tags: stringArray(row.tags),
    notes: row.notes,
    reportedResultId: row.reportedResultId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listRuns(db: Db, project: { id: string; staleAfterSeconds: number }): Promise<RunSummary[]> {
  const rows = await db.run.findMany({ where: { projectId: project.id }, orderBy: { createdAt: 'desc' } });
  return rows.map((row) => toRunSummary(row, project.staleAfterSeconds));
}

export async function findRun(db: Db, projectId: string, key: string): Promise<RunRow | null> {
  return db.run.findUnique({ where: { projectId_key: { projectId, key } } });
}

export async function getRunDetail(
  db: Db,
  project: { id: string; slug: string; staleAfterSeconds: number },
  key: string,
): Promise<RunDetail | null> {
  const row = await findRun(db, project.id, key);
  if (!row) return null;
  const [metricKeys, cursors] = await Promise.all([
    db.metricPoint.groupBy({ by: ['key'], where: { runId: row.id }, _count: { _all: true }, orderBy: { key: 'asc' } }),
    db.ingestCursor.findMany({ where: { runId: row.id }, orderBy: { source: 'asc' } }),
  ]);
  return {
    ...toRunSummary(row, project.staleAfterSeconds),
    projectSlug: project.slug,
    samplesPerEpoch: row.samplesPerEpoch,
    epochs: row.epochs,
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    config: stringRecord(row.config),
    unparsedLines: row.unparsedLines,
    metricKeys: metricKeys.map((group) => ({ key: group.key, count: group._count._all })),
    cursors: cursors.map((cursor) => ({
      source: cursor.source,
      offset: cursor.offset,
      pendingBytes: Buffer.from(cursor.pending, 'base64').length,
      lineCount: cursor.lineCount,
      unparsed: cursor.unparsed,
      updatedAt: cursor.updatedAt.toISOString(),
    })),
  };
}

export class UnknownReportedResultError extends Error {}

/** Creates the run on first use of its key, else updates only the fields given: retries are harmless. */
export async function upsertRun(
  db: Db,
  projectId: string,
  key: string,
  input: RunUpsertInput,
): Promise<{ created: boolean }> {
  if (input.reportedResultId) {
    const exists = await db.reportedResult.findUnique({ where: { id: input.reportedResultId }, select: { id: true } });
    if (!exists) throw new UnknownReportedResultError(input.reportedResultId);
  }
  let reportedResultId = input.reportedResultId;
  if (input.reportedResultKey) {
    const primary = await db.reportedResult.findFirst({ where: { resultKey: input.reportedResultKey, isPrimary: true }, select: { id: true } });
    if (!primary) throw new UnknownReportedResultError(input.reportedResultKey);
    reportedResultId = primary.id;
  }
  const now = new Date();
  const data = {
    name: input.name,
    status: input.status,
    notes: input.notes,
    tags: input.tags,
    reportedResultId,
    startedAt: input.startedAt ? new Date(input.startedAt) : undefined,
    endedAt: input.endedAt === null ? null : input.endedAt ? new Date(input.endedAt) : undefined,
    lastHeartbeatAt: input.heartbeat ? now : undefined,
  };
  const existing = await findRun(db, projectId, key);
  if (existing) {
    const finishing = input.status && input.status !== 'running' && !existing.endedAt && data.endedAt === undefined;
    await db.run.update({ where: { id: existing.id }, data: { ...data, endedAt: finishing ? now : data.endedAt } });
    return { created: false };
  }
  try {
    await db.run.create({
      data: { ...data, projectId, key, name: input.name ?? key, tags: input.tags ?? [], lastHeartbeatAt: now },
    });
    return { created: true };
  } catch (error) {
    // Two first requests for one key raced; the other one created it.
    if ((error as { code?: string }).code === 'P2002') return upsertRun(db, projectId, key, input);
    throw error;
  }
}

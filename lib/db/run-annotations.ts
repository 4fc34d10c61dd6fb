import 'server-only';
import type { RunAnnotationsInput } from '@/lib/schemas/run-edit';
import type { RunSummary } from '@/lib/schemas/run';
import type { Db } from './client';
import { findRun, readLatestMetrics, toRunSummary } from './runs';

/**
 * Replaces a run's tags and/or notes (the fields given) and returns its summary as the runs list
 * shows it, latest metrics included, or null when the project has no run with this key.
 */
export async function updateRunAnnotations(
  db: Db,
  project: { id: string; staleAfterSeconds: number },
  key: string,
  input: RunAnnotationsInput,
): Promise<RunSummary | null> {
  const existing = await findRun(db, project.id, key);
  if (!existing) return null;
  const row = await db.run.update({
    where: { id: existing.id },
    data: { tags: input.tags, notes: input.notes },
  });
  const latest = await readLatestMetrics(db, { runId: row.id });
  return { ...toRunSummary(row, project.staleAfterSeconds), latestMetrics: latest.get(row.id) ?? {} };
}

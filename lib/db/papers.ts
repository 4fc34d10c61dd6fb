import 'server-only';
/**
 * Repository for papers and their reported results (the reference numbers runs are compared with).
 *
 * The seed is idempotent: papers upsert by id and results by (paperId, resultKey, source), all in one
 * transaction, so a failed seed leaves the previous data intact. Re-seeding refreshes every field that
 * comes from the files but never touches `tolerancePp`, which users edit. Rows removed from the files
 * are not deleted (runs may link to them).
 */
import type { Db } from '@/lib/db/client';
import { isCanonicalMetricName, type MetricValues } from '@/lib/metrics/canonical-metrics';
import { loadReference } from '@/lib/reference/load-reference';
import type { ReferenceSeeds } from '@/lib/reference/seed-types';
import type { Paper, Prisma, ReportedResult } from '@/prisma/generated/sqlite/client';

export type PaperRecord = Paper;

export interface PaperSummary extends PaperRecord {
  resultCount: number;
}

/** A ReportedResult with its JSON columns narrowed to what the seed writes. */
export interface ReportedResultRecord extends Omit<ReportedResult, 'metrics' | 'raw'> {
  metrics: MetricValues;
  raw: Record<string, string>;
}

export interface PaperWithResults extends PaperRecord {
  results: ReportedResultRecord[];
}

const SEED_TIMEOUT_MS = 60_000;

const RESULT_ORDER: Prisma.ReportedResultOrderByWithRelationInput[] = [{ paperId: 'asc' }, { resultKey: 'asc' }, { isPrimary: 'desc' }, { source: 'asc' }];

/** Writes the shipped reference data (or the given seeds) into the database; returns how many of each were written. */
export async function seedReferenceData(db: Db, seeds: ReferenceSeeds = loadReference()): Promise<{ papers: number; results: number }> {
  await db.$transaction(
    async (tx) => {
      for (const paper of seeds.papers) {
        const { id, ...fields } = paper;
        await tx.paper.upsert({ where: { id }, create: paper, update: fields });
      }
      for (const result of seeds.results) {
        const { paperId, resultKey, source, ...fields } = result;
        await tx.reportedResult.upsert({
          where: { paperId_resultKey_source: { paperId, resultKey, source } },
          create: result,
          update: fields,
        });
      }
    },
    { timeout: SEED_TIMEOUT_MS, maxWait: SEED_TIMEOUT_MS },
  );
  return { papers: seeds.papers.length, results: seeds.results.length };
}

/** All papers, by id, with how many reported results each has. */
export async function listPapers(db: Db): Promise<PaperSummary[]> {
  const papers = await db.paper.findMany({ orderBy: { id: 'asc' }, include: { _count: { select: { results: true } } } });
  return papers.map(({ _count, ...paper }) => ({ ...paper, resultCount: _count.results }));
}

/** One paper with its results (primary rows first within each result_key), or null when the id is unknown. */
export async function getPaperWithResults(db: Db, paperId: string): Promise<PaperWithResults | null> {
  const paper = await db.paper.findUnique({ where: { id: paperId }, include: { results: { orderBy: RESULT_ORDER } } });
  if (!paper) return null;
  return { ...paper, results: paper.results.map(toReportedResultRecord) };
}

/** Reported results, optionally of one paper, grouped by result_key with the primary row first. */
export async function listReportedResults(db: Db, filter: { paperId?: string } = {}): Promise<ReportedResultRecord[]> {
  const rows = await db.reportedResult.findMany({
    where: filter.paperId === undefined ? {} : { paperId: filter.paperId },
    orderBy: RESULT_ORDER,
  });
  return rows.map(toReportedResultRecord);
}

function toReportedResultRecord(row: ReportedResult): ReportedResultRecord {
  return { ...row, metrics: readMetrics(row.metrics), raw: readRaw(row.raw) };
}

/** Keeps only canonical metric names with finite numbers, so a hand-edited JSON cell cannot leak other shapes. */
function readMetrics(value: unknown): MetricValues {
  const metrics: MetricValues = {};
  if (!isPlainObject(value)) return metrics;
  for (const [name, percent] of Object.entries(value)) {
    if (isCanonicalMetricName(name) && typeof percent === 'number' && Number.isFinite(percent)) metrics[name] = percent;
  }
  return metrics;
}

function readRaw(value: unknown): Record<string, string> {
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

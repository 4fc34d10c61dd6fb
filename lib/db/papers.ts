import 'server-only';
/**
 * Repository for papers and their reported results (the reference numbers runs are compared with).
 *
 * The seed is idempotent: papers upsert by id and results by (paperId, resultKey, source), all in one
 * transaction, so a failed seed leaves the previous data intact. Re-seeding refreshes every field that
 * comes from the files but never touches `tolerancePp`, which users edit. Rows removed from the files
 * are not deleted (runs may link to them).
 *
 * The API reads papers through `listPaperSummaries` and `getPaperDetail` (results grouped by result_key,
 * the other sources' disagreements attached), which return the shapes of `lib/schemas/papers.ts`.
 */
import type { Db } from '@/lib/db/client';
import { isCanonicalMetricName, listCanonicalMetricNames, type MetricValues } from '@/lib/metrics/canonical-metrics';
import { loadReference } from '@/lib/reference/load-reference';
import { isResultType, type ReferenceSeeds } from '@/lib/reference/seed-types';
import {
  comparedNumberFields,
  type OtherSource,
  type PaperDetail,
  type PaperSummary as PaperSummaryJson,
  type ReportedResult as ReportedResultJson,
  type ResultGroup,
  type SourceDifference,
} from '@/lib/schemas/papers';
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

/** Papers in the API shape (ISO dates, narrowed origin). */
export async function listPaperSummaries(db: Db): Promise<PaperSummaryJson[]> {
  return (await listPapers(db)).map(toPaperSummaryJson);
}

/**
 * One paper with its results grouped by result_key: the primary row, then the other sources of the same
 * key, each with the values it gives that differ from the primary row (only values both rows give: a
 * source that omits a number does not disagree). Null for an unknown paper.
 */
export async function getPaperDetail(db: Db, paperId: string): Promise<PaperDetail | null> {
  const paper = await getPaperWithResults(db, paperId);
  if (!paper) return null;
  const { results, ...fields } = paper;
  const byKey = new Map<string, ReportedResultRecord[]>();
  for (const result of results) byKey.set(result.resultKey, [...(byKey.get(result.resultKey) ?? []), result]);
  const groups = [...byKey.entries()].map(([resultKey, rows]) => toResultGroup(resultKey, rows));
  return { paper: toPaperSummaryJson({ ...fields, resultCount: results.length }), groups };
}

/** Sets a result's tolerance; null when no result has this id. */
export async function updateReportedResultTolerance(db: Db, id: string, tolerancePp: number): Promise<ReportedResultJson | null> {
  const existing = await db.reportedResult.findUnique({ where: { id }, select: { id: true } });
  if (!existing) return null;
  const row = await db.reportedResult.update({ where: { id }, data: { tolerancePp } });
  return toReportedResultJson(toReportedResultRecord(row));
}

export function toPaperSummaryJson(paper: PaperSummary): PaperSummaryJson {
  return { ...paper, origin: paper.origin === 'lab' ? 'lab' : 'reference', createdAt: paper.createdAt.toISOString() };
}

export function toReportedResultJson(record: ReportedResultRecord): ReportedResultJson {
  return { ...record, resultType: isResultType(record.resultType) ? record.resultType : 'main' };
}

function toResultGroup(resultKey: string, rows: ReportedResultRecord[]): ResultGroup {
  // Rows arrive primary first; a key without a primary row (not writable through the validators) shows its first row.
  const [primary, ...others] = rows;
  return {
    resultKey,
    primary: toReportedResultJson(primary!),
    others: others.map((other): OtherSource => ({ ...toReportedResultJson(other), differences: findDifferences(primary!, other) })),
  };
}

/**
 * Values both rows give that differ at the precision both print: 75.6 (paper) and 75.62 (open_clip)
 * agree, 79.7 and 79.57 do not, nor do $13,613 and $13,616.
 */
function findDifferences(primary: ReportedResultRecord, other: ReportedResultRecord): SourceDifference[] {
  const differences: SourceDifference[] = [];
  for (const field of comparedNumberFields) {
    const [primaryValue, value] = [primary[field], other[field]];
    if (primaryValue !== null && value !== null && !agreeAtPrintedPrecision(String(primaryValue), String(value))) differences.push({ field, primaryValue, value });
  }
  for (const field of listCanonicalMetricNames()) {
    const [primaryValue, value] = [primary.metrics[field], other.metrics[field]];
    if (primaryValue === undefined || value === undefined) continue;
    if (!agreeAtPrintedPrecision(printedMetric(primary, field, primaryValue), printedMetric(other, field, value))) differences.push({ field, primaryValue, value });
  }
  return differences;
}

/** The metric as the source printed it ("82.70"), when its raw cell holds the same number. */
function printedMetric(record: ReportedResultRecord, name: string, value: number): string {
  const raw = record.raw[name]?.trim();
  return raw !== undefined && raw !== '' && Number(raw) === value ? raw : String(value);
}

/** True when the less precise number could be the other one rounded (half a unit of its last digit apart at most). */
function agreeAtPrintedPrecision(a: string, b: string): boolean {
  const halfUnit = 0.5 * 10 ** -Math.min(decimalsOf(a), decimalsOf(b));
  return Math.abs(Number(a) - Number(b)) <= halfUnit + 1e-9;
}

function decimalsOf(printed: string): number {
  if (/e/i.test(printed)) return 12;
  const dot = printed.indexOf('.');
  return dot === -1 ? 0 : printed.length - dot - 1;
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

import 'server-only';
/**
 * Repository of run diagnostics: computes a run's findings from the stored data (bounded reads, see
 * run-diagnostics-input.ts), stores the latest set in RunDiagnostic, and serves it to the run page,
 * the runs list and the scorecard.
 *
 * Decisions:
 * - A refresh replaces the run's set: codes no longer firing are deleted, a code that keeps firing
 *   keeps its firstSeenAt, and a row is written only when its content changed (so updatedAt is when
 *   the finding last changed). The codes absent before are returned as `newlyFired`, for alerts.
 * - Stalled is time-based, so reads judge it again against the run's last sign of life: a stale run
 *   shows it even if no refresh ran since, and a run that came back does not.
 */
import { diagnoseRun, sortFindings } from '@/lib/diagnostics/diagnose-run';
import { evidenceHref } from '@/lib/diagnostics/evidence-link';
import { diagnoseStalled, STALLED_SEVERITY } from '@/lib/diagnostics/stalled';
import { readThresholdOverrides, resolveThresholds } from '@/lib/diagnostics/thresholds';
import { DIAGNOSTIC_CODES, SEVERITIES, type DiagnosticCode, type DiagnosticEvidence, type DiagnosticFinding, type Severity } from '@/lib/diagnostics/types';
import type { DiagnosticBadge, RunDiagnostic, RunDiagnostics } from '@/lib/schemas/diagnostics';
import type { Db } from './client';
import { lockIngestSource } from './run-ingest-effects';
import { keyPrefix, readDiagnoseRunInput } from './run-diagnostics-input';
import { SUMMARY_WIDTHS } from './summary-merge';

export interface StoredDiagnostic extends DiagnosticFinding {
  firstSeenAt: Date;
  updatedAt: Date;
}

export interface RefreshResult {
  /** The run's findings after the refresh, most severe first. */
  diagnostics: StoredDiagnostic[];
  /** Codes that fire now and did not before this refresh. */
  newlyFired: DiagnosticCode[];
}

type DiagnosticRow = Awaited<ReturnType<Db['runDiagnostic']['findMany']>>[number];

function isCode(value: string): value is DiagnosticCode {
  return (DIAGNOSTIC_CODES as readonly string[]).includes(value);
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** JSON with sorted keys: PostgreSQL's jsonb reorders keys, so content is compared in a stable form. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a row stores in `evidence`: the evidence and the suggested check (the schema has no column for it). */
function storedEvidence(finding: DiagnosticFinding): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ ...finding.evidence, suggestion: finding.suggestion })) as Record<string, unknown>;
}

function fromRow(row: DiagnosticRow): StoredDiagnostic | null {
  if (!isCode(row.code) || !isSeverity(row.severity)) return null;
  const { suggestion, ...evidence } = (row.evidence && typeof row.evidence === 'object' && !Array.isArray(row.evidence) ? row.evidence : {}) as Record<string, unknown>;
  return {
    code: row.code,
    severity: row.severity,
    summary: row.summary,
    evidence: evidence as DiagnosticEvidence,
    suggestion: typeof suggestion === 'string' ? suggestion : '',
    firstSeenAt: row.firstSeenAt,
    updatedAt: row.updatedAt,
  };
}

/** The run's findings computed now from its stored data (nothing is written). */
export async function computeRunDiagnostics(db: Db, runId: string, now = Date.now()): Promise<DiagnosticFinding[]> {
  const input = await readDiagnoseRunInput(db, runId, now);
  return input ? diagnoseRun(input) : [];
}

/**
 * Recomputes a run's diagnostics and stores them, replacing the previous set. Returns the set and
 * the codes that newly fired. A run that no longer exists has none.
 */
export async function refreshRunDiagnostics(db: Db, runId: string, now = Date.now()): Promise<RefreshResult> {
  const findings = await computeRunDiagnostics(db, runId, now);
  const exists = await db.run.findUnique({ where: { id: runId }, select: { id: true } });
  if (!exists) return { diagnostics: [], newlyFired: [] };
  return db.$transaction(async (tx) => {
    // Two refreshes of one run (two app processes) must not both see a code as new.
    await lockIngestSource(tx, runId, 'diagnostics');
    const existing = new Map((await tx.runDiagnostic.findMany({ where: { runId } })).map((row) => [row.code, row]));
    const codes = new Set(findings.map((finding) => finding.code));
    const gone = [...existing.keys()].filter((code) => !isCode(code) || !codes.has(code));
    if (gone.length > 0) await tx.runDiagnostic.deleteMany({ where: { runId, code: { in: gone } } });
    const newlyFired: DiagnosticCode[] = [];
    for (const finding of findings) {
      const data = { severity: finding.severity, summary: finding.summary, evidence: storedEvidence(finding) as object };
      const previous = existing.get(finding.code);
      if (!previous) {
        newlyFired.push(finding.code);
        await tx.runDiagnostic.create({ data: { runId, code: finding.code, ...data } });
      } else if (stableJson({ severity: previous.severity, summary: previous.summary, evidence: previous.evidence }) !== stableJson(data)) {
        await tx.runDiagnostic.update({ where: { runId_code: { runId, code: finding.code } }, data });
      }
    }
    const rows = await tx.runDiagnostic.findMany({ where: { runId } });
    return { diagnostics: sortFindings(rows.flatMap((row) => fromRow(row) ?? [])), newlyFired };
  });
}

interface RunForRead {
  id: string;
  key: string;
  status: string;
  lastHeartbeatAt: Date | null;
  createdAt: Date;
}

function lastActivityOf(run: RunForRead): number {
  return (run.lastHeartbeatAt ?? run.createdAt).getTime();
}

function isStale(run: RunForRead, staleAfterSeconds: number, now: number): boolean {
  return run.status === 'running' && now - lastActivityOf(run) > staleAfterSeconds * 1000;
}

/** Stored findings with stalled judged again at `now`. */
async function withStalledNow(db: Db, run: RunForRead, stored: StoredDiagnostic[], staleAfterSeconds: number, now: number): Promise<StoredDiagnostic[]> {
  const others = stored.filter((diagnostic) => diagnostic.code !== 'stalled');
  if (!isStale(run, staleAfterSeconds, now)) return others;
  // The widest summaries give the last step of every key in a few rows.
  const last = await db.metricSummary.findFirst({
    where: { runId: run.id, width: SUMMARY_WIDTHS[SUMMARY_WIDTHS.length - 1], key: keyPrefix('train/') },
    orderBy: { lastStep: 'desc' },
    select: { lastStep: true },
  });
  const finding = diagnoseStalled({ status: 'running', lastActivityAt: lastActivityOf(run) }, last?.lastStep ?? null, staleAfterSeconds, now);
  if (!finding) return others;
  const since = new Date(lastActivityOf(run) + staleAfterSeconds * 1000);
  const previous = stored.find((diagnostic) => diagnostic.code === 'stalled');
  return sortFindings([...others, { ...finding, firstSeenAt: previous?.firstSeenAt ?? since, updatedAt: new Date(now) }]);
}

function toApi(slug: string, runKey: string, diagnostic: StoredDiagnostic): RunDiagnostic {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    summary: diagnostic.summary,
    evidence: diagnostic.evidence,
    suggestion: diagnostic.suggestion,
    evidenceUrl: evidenceHref(slug, runKey, diagnostic.evidence),
    firstSeenAt: diagnostic.firstSeenAt.toISOString(),
    updatedAt: diagnostic.updatedAt.toISOString(),
  };
}

/** A run's stored diagnostics for the API, stalled judged at `now`, with the thresholds in force. */
export async function listRunDiagnostics(
  db: Db,
  project: { slug: string; staleAfterSeconds: number; id: string },
  run: RunForRead,
  now = Date.now(),
): Promise<RunDiagnostics> {
  const [rows, projectRow] = await Promise.all([
    db.runDiagnostic.findMany({ where: { runId: run.id } }),
    db.project.findUnique({ where: { id: project.id }, select: { diagnosticThresholds: true } }),
  ]);
  const stored = sortFindings(rows.flatMap((row) => fromRow(row) ?? []));
  const diagnostics = await withStalledNow(db, run, stored, project.staleAfterSeconds, now);
  return {
    diagnostics: diagnostics.map((diagnostic) => toApi(project.slug, run.key, diagnostic)),
    thresholds: resolveThresholds(readThresholdOverrides(projectRow?.diagnosticThresholds)),
  };
}

/**
 * Compact `{code, severity}` lists for many runs in one read of the stored rows, stalled judged at
 * `now` from each run's last sign of life (the same rule as the "stale" status).
 */
export async function readDiagnosticBadges(db: Db, runs: readonly RunForRead[], staleAfterSeconds: number, now = Date.now()): Promise<Map<string, DiagnosticBadge[]>> {
  const badges = new Map<string, DiagnosticBadge[]>(runs.map((run) => [run.id, []]));
  if (runs.length === 0) return badges;
  const rows = await db.runDiagnostic.findMany({ where: { runId: { in: runs.map((run) => run.id) } }, select: { runId: true, code: true, severity: true } });
  for (const row of rows) {
    if (row.code === 'stalled' || !isCode(row.code) || !isSeverity(row.severity)) continue;
    badges.get(row.runId)?.push({ code: row.code, severity: row.severity });
  }
  for (const run of runs) {
    const list = badges.get(run.id)!;
    if (isStale(run, staleAfterSeconds, now)) list.push({ code: 'stalled', severity: STALLED_SEVERITY });
    badges.set(run.id, sortFindings(list));
  }
  return badges;
}

/** The runs list with each run's diagnostics badges (one read of the stored rows for the whole list). */
export async function attachDiagnosticBadges<R extends { id: string; status: string; lastHeartbeatAt: string | null; createdAt: string }>(
  db: Db,
  project: { staleAfterSeconds: number },
  runs: readonly R[],
  now = Date.now(),
): Promise<(R & { diagnostics: DiagnosticBadge[] })[]> {
  const badges = await readDiagnosticBadges(
    db,
    runs.map((run) => ({ id: run.id, key: '', status: run.status, lastHeartbeatAt: run.lastHeartbeatAt ? new Date(run.lastHeartbeatAt) : null, createdAt: new Date(run.createdAt) })),
    project.staleAfterSeconds,
    now,
  );
  return runs.map((run) => ({ ...run, diagnostics: badges.get(run.id) ?? [] }));
}

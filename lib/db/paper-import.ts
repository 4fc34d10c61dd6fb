import 'server-only';
/**
 * Imports a lab's CSV of another paper's reported results (the columns of reference/clipa_reported.csv).
 *
 * All or nothing: the file is validated whole first (parseReportedResultsCsv), then every paper and
 * result is written in one transaction, so a rejected file writes nothing. Two rules protect existing
 * data, checked inside that transaction: a paper whose origin is "reference" is never overwritten (labs
 * cannot silently change shipped reference numbers), and a result_key that already belongs to another
 * paper is refused (runs link to a result by its key's primary row, so a key must stay unambiguous).
 * Re-importing a lab paper replaces its results: rows upsert on (paper, result_key, source), keeping
 * their id and edited tolerance, and rows the new file no longer has are deleted.
 */
import type { Db } from '@/lib/db/client';
import { columnNumberOf, parseCsvTable, type CsvIssue } from '@/lib/reference/csv';
import { parseReportedResultsCsv } from '@/lib/reference/clipa-reported';
import type { ReferenceSeeds } from '@/lib/reference/seed-types';
import type { PaperImportResult } from '@/lib/schemas/papers';

const IMPORT_TIMEOUT_MS = 60_000;
/** Paper ids that would collide with a static API path (`/api/v1/papers/import`). */
const RESERVED_PAPER_IDS = new Set(['import']);
/** SQLite binds at most 32,766 parameters per statement; stay far below it. */
const IN_CHUNK = 500;

export type PaperImportOutcome =
  | ({ ok: true } & PaperImportResult)
  | { ok: false; reason: 'invalid' | 'conflict'; errors: CsvIssue[] };

class ImportConflict extends Error {
  constructor(readonly errors: CsvIssue[]) {
    super('import conflicts with existing data');
  }
}

/** Validates and writes one uploaded CSV; `fileName` becomes the source of papers it creates. */
export async function importReportedResultsCsv(db: Db, text: string, options: { fileName: string }): Promise<PaperImportOutcome> {
  const parsed = parseReportedResultsCsv(text, { fileName: options.fileName });
  if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
  const table = parseCsvTable(text);
  const header = table.ok ? table.value.header : [];
  const located = parsed.value.results.map((result, index) => ({ result, line: table.ok ? table.value.rows[index]!.line : 0 }));
  const issueAt = (line: number, columnName: string, message: string): CsvIssue => ({ line, column: columnNumberOf(header, columnName), columnName, message });

  const invalid = [...findReservedPaperIds(located, issueAt), ...findKeysSplitAcrossPapers(located, issueAt)];
  if (invalid.length > 0) return { ok: false, reason: 'invalid', errors: invalid.sort((a, b) => a.line - b.line) };

  try {
    return { ok: true, ...(await writeImport(db, parsed.value, located, issueAt)) };
  } catch (error) {
    if (error instanceof ImportConflict) return { ok: false, reason: 'conflict', errors: error.errors };
    throw error;
  }
}

type Located = { result: ReferenceSeeds['results'][number]; line: number }[];
type IssueAt = (line: number, columnName: string, message: string) => CsvIssue;

async function writeImport(db: Db, seeds: ReferenceSeeds, located: Located, issueAt: IssueAt): Promise<PaperImportResult> {
  return db.$transaction(
    async (tx) => {
      const paperIds = seeds.papers.map((paper) => paper.id);
      const existing = await tx.paper.findMany({ where: { id: { in: paperIds } }, select: { id: true, origin: true } });
      const referencePapers = new Set(existing.filter((paper) => paper.origin !== 'lab').map((paper) => paper.id));
      const conflicts = located
        .filter(({ result }) => referencePapers.has(result.paperId))
        .filter(({ result }, index, rows) => rows.findIndex((row) => row.result.paperId === result.paperId) === index)
        .map(({ result, line }) => issueAt(line, 'paper', `paper "${result.paperId}" is reference data shipped with Reproboard and cannot be overwritten by an import; name your paper differently`));
      conflicts.push(...(await findKeysOfOtherPapers(tx, paperIds, located, issueAt)));
      if (conflicts.length > 0) throw new ImportConflict(conflicts.sort((a, b) => a.line - b.line));

      const known = new Set(existing.map((paper) => paper.id));
      const keptIds: string[] = [];
      for (const paper of seeds.papers) {
        const { id, ...fields } = paper;
        await tx.paper.upsert({ where: { id }, create: { ...paper, origin: 'lab' }, update: { ...fields, origin: 'lab' } });
      }
      for (const { result } of located) {
        const { paperId, resultKey, source, ...fields } = result;
        const row = await tx.reportedResult.upsert({
          where: { paperId_resultKey_source: { paperId, resultKey, source } },
          create: result,
          update: fields,
          select: { id: true },
        });
        keptIds.push(row.id);
      }
      const removed = await tx.reportedResult.deleteMany({ where: { paperId: { in: paperIds }, id: { notIn: keptIds } } });
      const papers = seeds.papers.map((paper) => ({
        id: paper.id,
        title: paper.title,
        created: !known.has(paper.id),
        results: seeds.results.filter((result) => result.paperId === paper.id).length,
      }));
      return { papers, results: seeds.results.length, removed: removed.count };
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: IMPORT_TIMEOUT_MS },
  );
}

/** Result keys of this file that another paper in the database already uses, reported on their first line. */
async function findKeysOfOtherPapers(tx: Pick<Db, 'reportedResult'>, paperIds: string[], located: Located, issueAt: IssueAt): Promise<CsvIssue[]> {
  const keys = [...new Set(located.map(({ result }) => result.resultKey))];
  const owner = new Map<string, string>();
  for (let start = 0; start < keys.length; start += IN_CHUNK) {
    const rows = await tx.reportedResult.findMany({
      where: { resultKey: { in: keys.slice(start, start + IN_CHUNK) }, paperId: { notIn: paperIds } },
      select: { resultKey: true, paperId: true },
    });
    for (const row of rows) owner.set(row.resultKey, row.paperId);
  }
  const reported = new Set<string>();
  const issues: CsvIssue[] = [];
  for (const { result, line } of located) {
    const paperId = owner.get(result.resultKey);
    if (paperId === undefined || reported.has(result.resultKey)) continue;
    reported.add(result.resultKey);
    issues.push(issueAt(line, 'result_key', `result_key "${result.resultKey}" already belongs to paper "${paperId}"; use a key of your own`));
  }
  return issues;
}

function findReservedPaperIds(located: Located, issueAt: IssueAt): CsvIssue[] {
  const first = located.find(({ result }) => RESERVED_PAPER_IDS.has(result.paperId));
  return first ? [issueAt(first.line, 'paper', `paper id "${first.result.paperId}" is reserved; name the paper differently`)] : [];
}

/** One result_key must belong to one paper, or its primary row would be ambiguous across papers. */
function findKeysSplitAcrossPapers(located: Located, issueAt: IssueAt): CsvIssue[] {
  const first = new Map<string, { paperId: string; line: number }>();
  const issues: CsvIssue[] = [];
  for (const { result, line } of located) {
    const seen = first.get(result.resultKey);
    if (!seen) first.set(result.resultKey, { paperId: result.paperId, line });
    else if (seen.paperId !== result.paperId) {
      issues.push(issueAt(line, 'result_key', `result_key "${result.resultKey}" is used for paper "${seen.paperId}" on line ${seen.line}; one key belongs to one paper`));
    }
  }
  return issues;
}

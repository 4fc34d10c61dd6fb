import { ApiError } from '@/lib/api/api-error';
import { defineRoute } from '@/lib/api/define-route';
import { requireLabWriter } from '@/lib/api/lab-access';
import { readBodyBytes } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { importReportedResultsCsv } from '@/lib/db/paper-import';
import type { CsvIssue } from '@/lib/reference/csv';
import { csvIssuePath, paperImportQuerySchema } from '@/lib/schemas/papers';

const CSV_TYPES = ['text/csv', 'text/plain'];
/** Enough to fix a file in one go without answering with megabytes of issues. */
const MAX_ISSUES = 200;

// POST /api/v1/papers/import: import a lab's CSV of reported results (clipa_reported.csv columns), all or nothing.
export const POST = defineRoute({ query: paperImportQuerySchema }, async ({ request, query }) => {
  await requireLabWriter(getDb(), request);
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type && !CSV_TYPES.includes(type)) {
    throw new ApiError('unsupported_media_type', `body: expected Content-Type text/csv or text/plain, got "${type}"`);
  }
  const text = decodeCsv(await readBodyBytes(request, 'REPROBOARD_MAX_JSON_BYTES'));
  const outcome = await importReportedResultsCsv(getDb(), text, { fileName: query.fileName ?? 'uploaded CSV' });
  if (!outcome.ok) throw csvRejection(outcome.reason === 'conflict' ? 'conflict' : 'bad_request', outcome.errors);
  const { ok: _ok, ...result } = outcome;
  return Response.json(result, { status: 201 });
});

function decodeCsv(bytes: Buffer): string {
  if (bytes.length === 0) throw new ApiError('bad_request', 'body: a CSV file is required (header line plus one row per result)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('bad_request', 'body: the CSV must be UTF-8 text');
  }
  if (text.includes('\u0000')) throw new ApiError('bad_request', 'body: the CSV must be text; it contains NUL bytes');
  return text;
}

/** The whole file is refused; the message names the first line and column, the issues list every problem. */
function csvRejection(code: 'bad_request' | 'conflict', errors: CsvIssue[]): ApiError {
  const first = errors[0];
  const where = first ? `line ${first.line}, column ${first.columnName ? `"${first.columnName}"` : first.column}` : 'file';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  const message = `csv ${where}: ${first?.message ?? 'invalid CSV'}${more}; nothing was imported`;
  const issues = errors.slice(0, MAX_ISSUES).map((issue) => ({ path: csvIssuePath(issue), message: issue.message }));
  return new ApiError(code, message, issues, errors.length > MAX_ISSUES ? { totalIssues: errors.length } : undefined);
}

/**
 * Reads a CSV in the columns of `reference/clipa_reported.csv` into Paper and ReportedResult seeds.
 *
 * The same validator serves the shipped file and a lab's upload of another paper's results, so it is
 * all-or-nothing: any bad cell or row makes the whole file `{ ok: false, errors }` with line and column,
 * and no seeds are returned, so nothing can be half-imported. Required columns: result_key, plot_primary,
 * paper, source, model and at least one accuracy column (named as in `canonical-metrics.ts`); every
 * other column is optional and a missing one reads as "not given". Rules checked beyond the cell types:
 * exactly one `plot_primary = 1` row per result_key, a gpu_hours value always has its gpu_hours_basis
 * (the bases are not comparable), accuracies lie in 0..100 (percent, not fractions), and no two rows
 * share (paper, result_key, source), the identity the database upserts on.
 */
import { canonicalMetricFor, toPercent, type MetricValues } from '@/lib/metrics/canonical-metrics';
import { createCellReader, reportMissingColumns } from './cell-reader';
import { columnNumberOf, parseCsvTable, type CsvIssue, type CsvResult, type CsvRow } from './csv';
import { CLIPA_REPORTED_FILE, derivePaperSeed, slugifyPaperName } from './paper-catalog';
import { isResultType, RESULT_TYPES, type PaperSeed, type ReferenceSeeds, type ReportedResultSeed } from './seed-types';

export const REQUIRED_REPORTED_COLUMNS = ['result_key', 'plot_primary', 'paper', 'source', 'model'] as const;

/** Numeric columns that have no field of their own in ReportedResult; checked, then kept in `raw`. */
const EXTRA_NUMBER_COLUMNS = ['inference_gflops_openclip_profile', 'finetune_training_gflops_per_sample'] as const;

export interface ReportedCsvOptions {
  /** Shown as the Paper source for papers first seen in this file, e.g. "uploads/my-lab.csv". */
  fileName: string;
}

/** Parses the shipped `clipa_reported.csv`. */
export function parseClipaReported(text: string): CsvResult<ReferenceSeeds> {
  return parseReportedResultsCsv(text, { fileName: CLIPA_REPORTED_FILE });
}

/** Parses and validates any CSV in the clipa_reported.csv columns; see the module comment for the rules. */
export function parseReportedResultsCsv(text: string, options: ReportedCsvOptions): CsvResult<ReferenceSeeds> {
  const table = parseCsvTable(text);
  if (!table.ok) return table;
  const { header, rows } = table.value;

  const headerIssues = reportMissingColumns(header, REQUIRED_REPORTED_COLUMNS);
  const metricColumns = header.filter((name) => canonicalMetricFor('reference-csv', name) !== null);
  if (metricColumns.length === 0) {
    headerIssues.push({ line: 1, column: header.length + 1, message: 'no accuracy column: expected at least one of the canonical metric columns, e.g. "zeroshot_in1k_top1"' });
  }
  if (headerIssues.length > 0) return { ok: false, errors: headerIssues };

  const issues: CsvIssue[] = [];
  const results = rows.map((row) => readResultRow(row, header, metricColumns, issues));
  issues.push(...checkPrimaryRows(rows, header, results), ...checkUniqueIdentity(rows, header, results), ...checkPaperIds(rows, header));
  if (issues.length > 0) return { ok: false, errors: sortIssues(issues) };

  const papers = new Map<string, PaperSeed>();
  for (const row of rows) {
    const name = row.values.paper;
    const paper = derivePaperSeed(name, options.fileName);
    if (!papers.has(paper.id)) papers.set(paper.id, paper);
  }
  return { ok: true, value: { papers: [...papers.values()], results } };
}

function readResultRow(row: CsvRow, header: readonly string[], metricColumns: readonly string[], issues: CsvIssue[]): ReportedResultSeed {
  const cells = createCellReader(row, header, issues);
  const plotPrimary = cells.requiredText('plot_primary');
  if (plotPrimary !== '' && plotPrimary !== '0' && plotPrimary !== '1') cells.report('plot_primary', `plot_primary must be 0 or 1, found "${plotPrimary}"`);

  const resultType = cells.optionalText('result_type') ?? 'main';
  if (!isResultType(resultType)) cells.report('result_type', `unknown result_type "${resultType}"; expected one of ${RESULT_TYPES.join(', ')}`);

  const metrics: MetricValues = {};
  for (const column of metricColumns) {
    const value = cells.optionalNumber(column);
    const match = canonicalMetricFor('reference-csv', column);
    if (value === null || match === null) continue;
    if (value < 0 || value > 100) cells.report(column, `${value} is outside 0..100; accuracy columns are percent`);
    metrics[match.metric] = toPercent(value, match.scaleToPercent);
  }
  if (Object.keys(metrics).length === 0 && metricColumns.every((column) => (row.values[column] ?? '').trim() === '')) {
    cells.report(metricColumns[0], 'the row gives no accuracy value');
  }

  const gpuHours = cells.optionalNumber('gpu_hours');
  const gpuHoursBasis = cells.optionalText('gpu_hours_basis');
  if (gpuHours !== null && gpuHoursBasis === null) cells.report('gpu_hours_basis', 'gpu_hours needs a gpu_hours_basis (GPU type and whether actual or estimated)');
  for (const column of EXTRA_NUMBER_COLUMNS) cells.optionalNumber(column);

  const paper = cells.requiredText('paper');
  return {
    paperId: slugifyPaperName(paper),
    resultKey: cells.requiredText('result_key'),
    isPrimary: plotPrimary === '1',
    reportedBy: cells.optionalText('reported_by') ?? '',
    source: cells.requiredText('source'),
    resultType: isResultType(resultType) ? resultType : 'main',
    model: cells.requiredText('model'),
    modelOpenclipName: cells.optionalText('model_openclip_name'),
    pretrainDataset: cells.optionalText('pretrain_dataset'),
    samplesSeen: cells.optionalNumber('samples_seen'),
    pretrainImageRes: cells.optionalInteger('pretrain_image_res'),
    pretrainImageTokens: cells.optionalInteger('pretrain_image_tokens'),
    textTokenLen: cells.optionalInteger('text_token_len'),
    finetune: cells.optionalText('finetune'),
    finetuneSamplesSeen: cells.optionalNumber('finetune_samples_seen'),
    totalSamplesSeen: cells.optionalNumber('total_samples_seen'),
    evalImageRes: cells.optionalInteger('eval_image_res'),
    metrics,
    gpuHours,
    gpuHoursBasis,
    costUsd: cells.optionalNumber('cost_usd'),
    computeTotal1e11GflopsXSamples: cells.optionalNumber('compute_total_1e11_gflops_x_samples'),
    paramsM: cells.optionalNumber('params_m'),
    wallclock: cells.optionalText('wallclock'),
    notes: cells.optionalText('notes') ?? '',
    raw: { ...row.values },
  };
}

/** Exactly one row per result_key is the default point to draw; keys with an invalid plot_primary cell are skipped (already reported). */
function checkPrimaryRows(rows: readonly CsvRow[], header: readonly string[], results: readonly ReportedResultSeed[]): CsvIssue[] {
  const column = columnNumberOf(header, 'plot_primary');
  const groups = new Map<string, { lines: number[]; primaryLines: number[]; invalid: boolean }>();
  rows.forEach((row, index) => {
    const key = results[index].resultKey;
    if (key === '') return;
    const group = groups.get(key) ?? { lines: [], primaryLines: [], invalid: false };
    group.lines.push(row.line);
    const flag = row.values.plot_primary;
    if (flag === '1') group.primaryLines.push(row.line);
    else if (flag !== '0') group.invalid = true;
    groups.set(key, group);
  });
  const issues: CsvIssue[] = [];
  for (const [key, group] of groups) {
    if (group.invalid || group.primaryLines.length === 1) continue;
    if (group.primaryLines.length === 0) {
      issues.push({ line: group.lines[0], column, columnName: 'plot_primary', message: `result_key "${key}" has no row with plot_primary = 1 (rows on lines ${group.lines.join(', ')}); exactly one is required` });
      continue;
    }
    for (const line of group.primaryLines.slice(1)) {
      issues.push({ line, column, columnName: 'plot_primary', message: `result_key "${key}" already has its plot_primary = 1 row on line ${group.primaryLines[0]}; exactly one is allowed` });
    }
  }
  return issues;
}

function checkUniqueIdentity(rows: readonly CsvRow[], header: readonly string[], results: readonly ReportedResultSeed[]): CsvIssue[] {
  const column = columnNumberOf(header, 'source');
  const firstLine = new Map<string, number>();
  const issues: CsvIssue[] = [];
  rows.forEach((row, index) => {
    const { paperId, resultKey, source } = results[index];
    const identity = JSON.stringify([paperId, resultKey, source]);
    const earlier = firstLine.get(identity);
    if (earlier === undefined) firstLine.set(identity, row.line);
    else issues.push({ line: row.line, column, columnName: 'source', message: `same paper, result_key and source as line ${earlier}` });
  });
  return issues;
}

/** Two different `paper` names must not collapse to one id ("CLIPA v2" vs "CLIPA-v2"), and every name needs a usable id. */
function checkPaperIds(rows: readonly CsvRow[], header: readonly string[]): CsvIssue[] {
  const column = columnNumberOf(header, 'paper');
  const nameById = new Map<string, string>();
  const issues: CsvIssue[] = [];
  for (const row of rows) {
    const name = row.values.paper;
    if (name.trim() === '') continue;
    const id = slugifyPaperName(name);
    const known = nameById.get(id);
    if (id === '') issues.push({ line: row.line, column, columnName: 'paper', message: `paper "${name}" needs at least one letter or digit` });
    else if (known !== undefined && known !== name) issues.push({ line: row.line, column, columnName: 'paper', message: `paper "${name}" and "${known}" would get the same id "${id}"` });
    else nameById.set(id, name);
  }
  return issues;
}

function sortIssues(issues: CsvIssue[]): CsvIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Reads open_clip's benchmark tables (`docs/openclip_results.csv` and `docs/openclip_retrieval_results.csv`,
 * shipped verbatim under `reference/openclip/`) into ReportedResult seeds of the `openclip-benchmarks` paper.
 *
 * The two files list the same (name, pretrained) pairs; they are joined on that pair and a pair missing
 * from either file is an error, as is a shared column (params, FLOPs) that disagrees. Values are fractions
 * and become percent through the canonical metric table; columns without a canonical meaning (the 38
 * single datasets, R@5/R@10, WinoGAViL) stay in `raw` only. Every row is its own result, so it is primary.
 */
import { toCanonicalValue, type MetricSource, type MetricValues } from '@/lib/metrics/canonical-metrics';
import { createCellReader, reportMissingColumns } from './cell-reader';
import { columnNumberOf, parseCsvTable, type CsvIssue, type CsvResult, type CsvRow } from './csv';
import type { ModelProfile } from './model-profile';
import { OPENCLIP_BENCHMARKS_PAPER } from './paper-catalog';
import type { ReportedResultSeed } from './seed-types';

export const OPENCLIP_RESULTS_SOURCE = 'mlfoundations/open_clip@89fb801:docs/openclip_results.csv + docs/openclip_retrieval_results.csv';

const KEY_COLUMNS = ['name', 'pretrained'] as const;
const SHARED_COLUMNS = ['params (M)', 'FLOPs (B)'] as const;

export interface OpenclipResultsFiles {
  results: { text: string; fileName: string };
  retrieval: { text: string; fileName: string };
}

/**
 * Parses both files; `profiles` (from model_profile.csv) fill `evalImageRes` where a config name matches.
 * Errors name the file in the message, since line numbers alone would be ambiguous across two files.
 */
export function parseOpenclipResults(files: OpenclipResultsFiles, profiles: readonly ModelProfile[] = []): CsvResult<ReportedResultSeed[]> {
  const results = readFile(files.results, 'openclip-results');
  const retrieval = readFile(files.retrieval, 'openclip-retrieval');
  if (!results.ok || !retrieval.ok) {
    return { ok: false, errors: [...(results.ok ? [] : results.errors), ...(retrieval.ok ? [] : retrieval.errors)] };
  }

  const imageSizeByModel = new Map(profiles.map((profile) => [profile.model, profile.imageSize]));
  const retrievalByKey = new Map(retrieval.value.map((entry) => [entry.key, entry]));
  const issues: CsvIssue[] = [];
  const seeds: ReportedResultSeed[] = [];
  for (const entry of results.value) {
    const other = retrievalByKey.get(entry.key);
    retrievalByKey.delete(entry.key);
    if (!other) {
      issues.push({ line: entry.row.line, column: 1, columnName: 'name', message: `${files.results.fileName}: ${entry.key} has no row in ${files.retrieval.fileName}` });
      continue;
    }
    for (const column of SHARED_COLUMNS) {
      if (entry.row.values[column] !== other.row.values[column]) {
        issues.push({
          line: other.row.line,
          column: columnNumberOf(other.header, column),
          columnName: column,
          message: `${files.retrieval.fileName}: "${column}" is ${other.row.values[column]} but ${entry.row.values[column]} in ${files.results.fileName} line ${entry.row.line}`,
        });
      }
    }
    const { name, pretrained } = entry.row.values;
    seeds.push({
      paperId: OPENCLIP_BENCHMARKS_PAPER.id,
      resultKey: `openclip_${name}_${pretrained}`,
      isPrimary: true,
      reportedBy: 'open_clip benchmark',
      source: `${OPENCLIP_RESULTS_SOURCE} (name=${name}, pretrained=${pretrained})`,
      resultType: 'benchmark',
      model: name,
      modelOpenclipName: name,
      pretrainDataset: null,
      samplesSeen: null,
      pretrainImageRes: null,
      pretrainImageTokens: null,
      textTokenLen: null,
      finetune: null,
      finetuneSamplesSeen: null,
      totalSamplesSeen: null,
      evalImageRes: imageSizeByModel.get(name) ?? null,
      metrics: { ...entry.metrics, ...other.metrics },
      gpuHours: null,
      gpuHoursBasis: null,
      costUsd: null,
      computeTotal1e11GflopsXSamples: null,
      paramsM: entry.paramsM,
      wallclock: null,
      notes: `pretrained tag "${pretrained}"; open_clip's own evaluation (DataComp 38-dataset protocol), fractions x 100.`,
      raw: { ...entry.row.values, ...other.row.values },
    });
  }
  for (const orphan of retrievalByKey.values()) {
    issues.push({ line: orphan.row.line, column: 1, columnName: 'name', message: `${files.retrieval.fileName}: ${orphan.key} has no row in ${files.results.fileName}` });
  }
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, value: seeds };
}

interface BenchmarkRow {
  key: string;
  row: CsvRow;
  header: string[];
  metrics: MetricValues;
  paramsM: number | null;
}

/** Checks one file: key columns present and unique, every value column numeric; maps the canonical ones. */
function readFile(file: { text: string; fileName: string }, source: Extract<MetricSource, 'openclip-results' | 'openclip-retrieval'>): CsvResult<BenchmarkRow[]> {
  const named = (issue: CsvIssue): CsvIssue => ({ ...issue, message: `${file.fileName}: ${issue.message}` });
  const table = parseCsvTable(file.text);
  if (!table.ok) return { ok: false, errors: table.errors.map(named) };
  const { header, rows } = table.value;
  const missing = reportMissingColumns(header, [...KEY_COLUMNS, ...SHARED_COLUMNS]);
  if (missing.length > 0) return { ok: false, errors: missing.map(named) };

  const issues: CsvIssue[] = [];
  const seen = new Map<string, number>();
  const entries = rows.map((row): BenchmarkRow => {
    const cells = createCellReader(row, header, issues);
    const key = `${cells.requiredText('name')}/${cells.requiredText('pretrained')}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) cells.report('pretrained', `duplicate model ${key}, first on line ${earlier}`);
    seen.set(key, row.line);
    const metrics: MetricValues = {};
    let paramsM: number | null = null;
    for (const column of header) {
      if ((KEY_COLUMNS as readonly string[]).includes(column)) continue;
      const value = cells.optionalNumber(column);
      if (column === 'params (M)') paramsM = value;
      const canonical = value === null ? null : toCanonicalValue(source, column, value);
      if (canonical) metrics[canonical.metric] = canonical.percent;
    }
    return { key, row, header, metrics, paramsM };
  });
  return issues.length > 0 ? { ok: false, errors: issues.map(named) } : { ok: true, value: entries };
}

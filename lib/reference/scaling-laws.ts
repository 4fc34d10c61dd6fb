/**
 * Reads `reference/scaling_laws.csv`: OpenCLIP and OpenAI CLIP power-law fits E = A · C^alpha from
 * LAION-AI/scaling-laws-openclip.
 *
 * E is an error *fraction* (1 − accuracy, or 1 − R@5 for retrieval) and C is total training compute in
 * GMACs, both as the file's `error_metric` and `compute_unit` columns say; callers must convert open_clip
 * GFLOPs (≈ 2 × GMACs) before predicting. `a`/`alpha` are the printed (2-decimal) values; `aRefit`/
 * `alphaRefit` are an independent re-fit with more digits, not a reported number.
 */
import { createCellReader, reportMissingColumns } from './cell-reader';
import { parseCsvTable, type CsvIssue, type CsvResult } from './csv';

export interface ScalingLaw {
  paper: string;
  sourceRepo: string;
  sourcePath: string;
  sourceCommit: string;
  sourceLocation: string;
  modelFamily: string;
  trainingData: string;
  task: string;
  errorMetric: string;
  formula: string;
  /** Column `A`: the coefficient as printed. */
  a: number;
  /** Column `alpha`: the exponent as printed (negative). */
  alpha: number;
  computeVariable: string;
  computeUnit: string;
  fitMethod: string;
  nModels: number | null;
  /** Column `A_refit`: re-fit, not reported. */
  aRefit: number | null;
  /** Column `alpha_refit`: re-fit, not reported. */
  alphaRefit: number | null;
  notes: string;
}

const REQUIRED = ['paper', 'source_repo', 'source_path', 'source_commit', 'source_location', 'model_family', 'task', 'error_metric', 'formula', 'A', 'alpha', 'compute_unit'] as const;

export function parseScalingLaws(text: string): CsvResult<ScalingLaw[]> {
  const table = parseCsvTable(text);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  const missing = reportMissingColumns(header, REQUIRED);
  if (missing.length > 0) return { ok: false, errors: missing };

  const issues: CsvIssue[] = [];
  const laws = rows.map((row): ScalingLaw => {
    const cells = createCellReader(row, header, issues);
    return {
      paper: cells.requiredText('paper'),
      sourceRepo: cells.requiredText('source_repo'),
      sourcePath: cells.requiredText('source_path'),
      sourceCommit: cells.requiredText('source_commit'),
      sourceLocation: cells.requiredText('source_location'),
      modelFamily: cells.requiredText('model_family'),
      trainingData: cells.optionalText('training_data') ?? '',
      task: cells.requiredText('task'),
      errorMetric: cells.requiredText('error_metric'),
      formula: cells.requiredText('formula'),
      a: cells.requiredNumber('A'),
      alpha: cells.requiredNumber('alpha'),
      computeVariable: cells.optionalText('compute_variable') ?? '',
      computeUnit: cells.requiredText('compute_unit'),
      fitMethod: cells.optionalText('fit_method') ?? '',
      nModels: cells.optionalInteger('n_models'),
      aRefit: cells.optionalNumber('A_refit'),
      alphaRefit: cells.optionalNumber('alpha_refit'),
      notes: cells.optionalText('notes') ?? '',
    };
  });
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, value: laws };
}

/** The predicted error fraction E = A · C^alpha for compute C in the law's unit (GMACs), with the printed coefficients. */
export function predictError(law: Pick<ScalingLaw, 'a' | 'alpha'>, compute: number): number {
  return law.a * compute ** law.alpha;
}

/**
 * Loads the reference data the app ships in `reference/` (resolved from the working directory, which is
 * the project root for `next start`, scripts and tests). The shipped files are part of the build, so an
 * invalid one is a programming error: this throws, naming file, line and column, instead of returning
 * a result object as the upload path does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseClipaReported } from './clipa-reported';
import type { CsvIssue, CsvResult } from './csv';
import { parseModelProfiles, type ModelProfile } from './model-profile';
import { parseOpenclipResults } from './openclip-results';
import { OPENCLIP_BENCHMARKS_PAPER } from './paper-catalog';
import { parseScalingLaws, type ScalingLaw } from './scaling-laws';
import type { ReferenceSeeds } from './seed-types';

export const REFERENCE_FILES = {
  clipaReported: 'reference/clipa_reported.csv',
  scalingLaws: 'reference/scaling_laws.csv',
  openclipResults: 'reference/openclip/openclip_results.csv',
  openclipRetrieval: 'reference/openclip/openclip_retrieval_results.csv',
  modelProfile: 'reference/openclip/model_profile.csv',
} as const;

/** Thrown when a shipped reference file does not parse; `issues` keep line and column for each problem. */
export class ReferenceDataError extends Error {
  constructor(
    readonly file: string,
    readonly issues: CsvIssue[],
  ) {
    const shown = issues.slice(0, 10).map((issue) => `  ${file}:${issue.line}:${issue.column}${issue.columnName ? ` (${issue.columnName})` : ''} ${issue.message}`);
    const more = issues.length > shown.length ? [`  … and ${issues.length - shown.length} more`] : [];
    super([`invalid reference data in ${file}:`, ...shown, ...more].join('\n'));
    this.name = 'ReferenceDataError';
  }
}

/** Paper and ReportedResult seeds from clipa_reported.csv and the open_clip benchmark tables. */
export function loadReference(root: string = process.cwd()): ReferenceSeeds {
  const reported = unwrap(REFERENCE_FILES.clipaReported, parseClipaReported(readReferenceFile(root, REFERENCE_FILES.clipaReported)));
  const benchmarks = unwrap(
    `${REFERENCE_FILES.openclipResults} + ${REFERENCE_FILES.openclipRetrieval}`,
    parseOpenclipResults(
      {
        results: { text: readReferenceFile(root, REFERENCE_FILES.openclipResults), fileName: REFERENCE_FILES.openclipResults },
        retrieval: { text: readReferenceFile(root, REFERENCE_FILES.openclipRetrieval), fileName: REFERENCE_FILES.openclipRetrieval },
      },
      loadModelProfiles(root),
    ),
  );
  return { papers: [...reported.papers, OPENCLIP_BENCHMARKS_PAPER], results: [...reported.results, ...benchmarks] };
}

export function loadModelProfiles(root: string = process.cwd()): ModelProfile[] {
  return unwrap(REFERENCE_FILES.modelProfile, parseModelProfiles(readReferenceFile(root, REFERENCE_FILES.modelProfile)));
}

export function loadScalingLaws(root: string = process.cwd()): ScalingLaw[] {
  return unwrap(REFERENCE_FILES.scalingLaws, parseScalingLaws(readReferenceFile(root, REFERENCE_FILES.scalingLaws)));
}

function readReferenceFile(root: string, relativePath: string): string {
  return readFileSync(path.join(root, relativePath), 'utf8');
}

function unwrap<T>(file: string, result: CsvResult<T>): T {
  if (!result.ok) throw new ReferenceDataError(file, result.errors);
  return result.value;
}

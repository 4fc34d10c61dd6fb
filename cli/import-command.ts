/**
 * `reproboard import <run-dir>...`: sends finished run folders once, one after the other, with a
 * progress bar and a per-file summary. A problem with one folder (an unreadable file) is reported and
 * the others still go; a problem with the server, key or project stops everything, since every
 * folder would fail the same way. Re-running is cheap: the server's cursors skip what it has.
 */
import { stat } from 'node:fs/promises';
import { importRetryPolicy } from './backoff';
import { classifyFailure } from './classify-failure';
import { CliError, UsageError } from './cli-error';
import type { CliIo } from './cli-io';
import { createReporter } from './cli-io';
import { explainFailure } from './explain-failure';
import { hasSeenFinalLine } from './finish-detector';
import type { ImportOptions } from './parse-args';
import { ProgressBar } from './progress-bar';
import { createRunApi, type RunApi } from './run-api';
import { describeRunFolder, presentRunFiles, runFolderExists, type RunFolder } from './run-folder';
import { RunSync } from './run-sync';
import { openSegmentStore } from './segment-store';
import { formatSummaryTable, type SummaryRow } from './summary-table';

/** Failures that would repeat for every folder. */
const STOPS_EVERYTHING = new Set(['network', 'server', 'unauthorized', 'forbidden', 'project-missing', 'not-reproboard', 'aborted']);

async function sumFileSizes(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}

export async function runImport(options: ImportOptions, io: CliIo, signal: AbortSignal): Promise<number> {
  const folders = options.dirs.map((dir) => describeRunFolder(dir, options.runKey));
  const seen = new Map<string, string>();
  for (const folder of folders) {
    const other = seen.get(folder.runKey);
    if (other) throw new UsageError(`${other} and ${folder.dir} would both be run "${folder.runKey}"; import them separately, each with its own --run`);
    seen.set(folder.runKey, folder.dir);
  }

  await checkServer(options, signal);
  const plans: { folder: RunFolder; files: string[] }[] = [];
  const failures: string[] = [];
  for (const folder of folders) {
    try {
      if (!(await runFolderExists(folder))) throw new CliError(`${folder.dir} does not exist`, 'check the path of the run folder');
      const files = await presentRunFiles(folder);
      if (files.length === 0) throw new CliError(`${folder.dir} has no out.log, params.txt or checkpoints/results.jsonl`, 'pass an OpenCLIP run folder (--logs/--name of the training run)');
      plans.push({ folder, files });
    } catch (error) {
      const explained = explainFailure(error, options);
      failures.push(`${folder.runKey}: ${explained.message}${explained.advice ? ` (${explained.advice})` : ''}`);
    }
  }

  const progress = new ProgressBar(io.stderr, await sumFileSizes(plans.flatMap((plan) => plan.files)));
  const reporter = createReporter({ write: (text) => progress.log(text) });
  const rows: SummaryRow[] = [];
  const examples: string[] = [];
  for (const [index, { folder, files }] of plans.entries()) {
    progress.setLabel(`run ${index + 1}/${plans.length} ${folder.runKey}`);
    const planned = await sumFileSizes(files);
    let progressed = 0;
    const api = createRunApi({
      server: options.server,
      project: options.project,
      key: options.key,
      run: folder.runKey,
      policy: importRetryPolicy,
      recreateWith: {},
      signal,
      onRetry: (error, attempt, delayMs) =>
        reporter.warn(`${explainFailure(error, options).message}; retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt})`),
    });
    const sync = new RunSync({
      folder,
      api,
      server: options.server,
      chunkBytes: options.chunkBytes,
      tensorboard: options.tensorboard,
      memory: openSegmentStore(options.stateDir, { server: options.server, project: options.project, run: folder.runKey }, reporter.warn),
      reporter,
      fileErrors: 'throw',
      settleMs: 0,
      onProgress: (bytes, lines) => {
        progressed += bytes;
        progress.advance(bytes, lines);
      },
    });
    try {
      await importOne(api, sync, options);
      rows.push(...sync.summaryRows());
      if (options.verbose) {
        for (const line of sync.unparsedExamples()) examples.push(`${folder.runKey} ${line.file}:${line.line} (${line.reason}): ${line.text}`);
      }
      if (options.status === 'finished' && sync.signals.signals.expectedEpochs !== null && !hasSeenFinalLine(sync.signals.signals)) {
        const { lastEvalEpoch, expectedEpochs } = sync.signals.signals;
        reporter.warn(`${folder.runKey}: out.log ends before its final eval (last eval: epoch ${lastEvalEpoch ?? 'none'} of ${expectedEpochs}); marked finished anyway — re-import with --status crashed if it died`);
      }
    } catch (error) {
      if (STOPS_EVERYTHING.has(classifyFailure(error))) {
        progress.finish();
        throw explainFailure(error, options);
      }
      const explained = explainFailure(error, options);
      failures.push(`${folder.runKey}: ${explained.message}${explained.advice ? ` (${explained.advice})` : ''}`);
      rows.push(...sync.summaryRows().map((row) => ({ ...row, note: row.note ?? 'incomplete' })));
    } finally {
      await sync.close();
      progress.advance(Math.max(0, planned - progressed));
    }
  }
  progress.finish();

  if (rows.length > 0) io.stdout.write(formatSummaryTable(rows));
  const unparsed = rows.reduce((sum, row) => sum + row.unparsed, 0);
  if (examples.length > 0) io.stdout.write(`\nLines not understood (first ${examples.length}):\n${examples.map((line) => `  ${line}`).join('\n')}\n`);
  else if (unparsed > 0) io.stdout.write(`\n${unparsed} line(s) were not understood; run with --verbose to list them.\n`);
  for (const failure of failures) io.stderr.write(`error: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

/** An unreachable server or unknown project is reported within about a second, before any work. */
async function checkServer(options: ImportOptions, signal: AbortSignal): Promise<void> {
  const api = createRunApi({ ...options, run: '-', policy: importRetryPolicy, recreateWith: {}, signal, requestTimeoutMs: 15_000 });
  try {
    await api.checkProject({ baseMs: 500, maxMs: 1_000, maxAttempts: 2 });
  } catch (error) {
    throw explainFailure(error, options);
  }
}

async function importOne(api: RunApi, sync: RunSync, options: ImportOptions): Promise<void> {
  await api.upsertRun(options.name ? { name: options.name } : {});
  sync.setCursors((await api.readRunState()).cursors);
  await sync.syncOnce();
  await api.upsertRun({ status: options.status });
}

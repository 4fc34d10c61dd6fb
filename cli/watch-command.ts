/**
 * `reproboard watch <run-dir>`: follows a run folder while it trains. Every interval it sends what is
 * new, keeps the run marked alive with heartbeats, and decides whether the run is over. Transient
 * failures are retried without end (a server restart only delays data); a wrong key or project stops
 * the watcher with advice. Ctrl-C stops it and leaves the run as it is; a new watcher resumes from
 * the server's cursors.
 */
import { pageUrls } from '../lib/queries/urls';
import { sleep, watchRetryPolicy } from './backoff';
import type { CliIo, Reporter } from './cli-io';
import { createReporter } from './cli-io';
import { explainFailure } from './explain-failure';
import { decideFinish, type FinishDecision } from './finish-detector';
import { formatBytes } from '../lib/format/bytes';
import { formatCount } from './format-units';
import { isProcessAlive } from './is-process-alive';
import type { WatchOptions } from './parse-args';
import { createRunApi } from './run-api';
import { describeRunFolder, runFolderExists, type RunFolder } from './run-folder';
import { RunSync } from './run-sync';
import { openSegmentStore } from './segment-store';

export async function runWatch(options: WatchOptions, io: CliIo, signal: AbortSignal): Promise<number> {
  const folder = describeRunFolder(options.dir, options.runKey);
  const reporter = createReporter({ write: (text) => io.stderr.write(text), quiet: options.quiet, timestamps: true });
  const context = { server: options.server, project: options.project };
  let sync: RunSync | undefined;
  const api = createRunApi({
    ...context,
    key: options.key,
    run: folder.runKey,
    policy: watchRetryPolicy,
    recreateWith: { status: 'running', ...(options.name ? { name: options.name } : {}) },
    signal,
    onRetry: (error, attempt, delayMs) =>
      reporter.warn(`${explainFailure(error, context).message}; retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt})`),
    onRunRecreated: () => {
      reporter.warn(`run ${folder.runKey} was gone from the server; re-created it and sending its files again`);
      sync?.forgetWholeFiles();
    },
  });

  await waitForFolder(folder, options.intervalMs, reporter, signal);
  await api.upsertRun({ status: 'running', heartbeat: true, ...(options.name ? { name: options.name } : {}) });
  sync = new RunSync({
    folder,
    api,
    server: options.server,
    chunkBytes: options.chunkBytes,
    tensorboard: options.tensorboard,
    memory: openSegmentStore(options.stateDir, { ...context, run: folder.runKey }, reporter.warn),
    reporter,
    fileErrors: 'warn',
    settleMs: 5_000,
    onAck: (label, ack) => {
      if (ack.unparsedCount) {
        const first = ack.unparsed?.[0];
        reporter.warn(`${label}: ${ack.unparsedCount} line(s) not understood${first ? `, e.g. line ${first.line} (${first.reason}): ${first.text.slice(0, 120)}` : ''}`);
      }
    },
  });
  const state = await api.readRunState();
  sync.setCursors(state.cursors);
  const outLogCursor = state.cursors.find((cursor) => cursor.source === 'out.log');
  reporter.info(
    `watching ${folder.dir} → ${options.server}${pageUrls.run(options.project, folder.runKey)}` +
      (outLogCursor ? ` (resuming: the server has ${formatBytes(outLogCursor.offset)} of out.log)` : ''),
  );

  try {
    const decision = await followUntilFinished(sync, options, api.heartbeat, reporter, signal);
    await api.upsertRun({ status: decision.status });
    reporter.info(`run ${folder.runKey} marked ${decision.status}: ${decision.reason}`);
    return 0;
  } finally {
    await sync.close();
  }
}

async function waitForFolder(folder: RunFolder, intervalMs: number, reporter: Reporter, signal: AbortSignal): Promise<void> {
  if (await runFolderExists(folder)) return;
  reporter.info(`waiting for ${folder.dir} to appear`);
  while (!(await runFolderExists(folder))) await sleep(intervalMs, signal);
}

async function followUntilFinished(
  sync: RunSync,
  options: WatchOptions,
  heartbeat: () => Promise<unknown>,
  reporter: Reporter,
  signal: AbortSignal,
): Promise<Extract<FinishDecision, { finish: true }>> {
  let lastGrowthAt = Date.now();
  let lastContactAt = Date.now();
  let heartbeatsPaused = false;
  let reported = { lines: 0, points: 0 };
  for (;;) {
    // Checked before the pass, so the pass still sends everything an exited trainer wrote.
    const trainerExited = options.finishOnExitPid === null ? null : !isProcessAlive(options.finishOnExitPid);
    if (await sync.syncOnce()) {
      lastGrowthAt = Date.now();
      lastContactAt = lastGrowthAt;
    }
    const totals = sync.summaryRows().reduce((sum, row) => ({ lines: sum.lines + row.lines, points: sum.points + row.points }), { lines: 0, points: 0 });
    if (totals.lines > reported.lines) {
      reporter.info(`sent ${formatCount(totals.lines - reported.lines)} new line(s), ${formatCount(totals.points - reported.points)} point(s)`);
      reported = totals;
    }
    if (options.once) return { finish: true, status: 'finished', reason: 'one pass requested (--once)' };

    const now = Date.now();
    const decision = decideFinish({
      signals: sync.signals.signals,
      quietForMs: now - lastGrowthAt,
      graceMs: options.graceMs,
      trainerExited,
      autoFinish: options.autoFinish,
    });
    if (decision.finish) return decision;

    // A trainer that went silent (hung, or killed with its node) must show as stale, so heartbeats
    // stop after --max-silence unless a watched process proves it is still running.
    const silent = trainerExited === null ? now - lastGrowthAt >= options.maxSilenceMs : trainerExited;
    if (silent && !heartbeatsPaused) {
      reporter.warn(`nothing new for ${Math.round((now - lastGrowthAt) / 60_000)} min: heartbeats paused so the dashboard can show the run as stale; they resume when the files grow`);
    }
    heartbeatsPaused = silent;
    if (!silent && now - lastContactAt >= options.heartbeatMs) {
      await heartbeat();
      lastContactAt = Date.now();
    }
    await sleep(options.intervalMs, signal);
  }
}

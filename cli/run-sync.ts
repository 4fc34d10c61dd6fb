/**
 * Brings the server up to date with one run folder in one pass; `import` runs one pass, `watch`
 * runs one every interval. Order matters: params.txt first (epochs, batch size), then out.log, then
 * event files, then results.jsonl (the server dates its zero-shot rows by the eval lines of out.log).
 */
import { parseParamsTxt } from '../lib/ingest/openclip/params-txt-parser';
import type { Reporter } from './cli-io';
import { classifyFailure } from './classify-failure';
import { CliError } from './cli-error';
import { createEventFileSender, EventFilesUnsupportedError } from './event-file-sender';
import { FileFollower } from './file-follower';
import type { ChunkAck } from './follow-totals';
import { OutLogSignals } from './out-log-signals';
import type { RunFolder } from './run-folder';
import { listEventFiles } from './run-folder';
import type { RunApi, ServerCursor } from './run-api';
import type { SegmentMemory } from './segment-store';
import type { SummaryRow } from './summary-table';
import { WholeFileSync } from './whole-file-sync';

export interface RunSyncOptions {
  folder: RunFolder;
  api: RunApi;
  server: string;
  chunkBytes: number;
  tensorboard: boolean;
  memory?: (source: string) => SegmentMemory;
  reporter: Reporter;
  /** Watch: an unreadable file is reported once and retried; import: it fails the run. */
  fileErrors: 'warn' | 'throw';
  /** Whole files: how long an unfinished last line is held back (0 for finished runs). */
  settleMs: number;
  onProgress?: (bytes: number, lines: number) => void;
  onAck?: (label: string, ack: ChunkAck) => void;
}

export class RunSync {
  readonly signals = new OutLogSignals();
  private readonly params: WholeFileSync;
  private readonly results: WholeFileSync;
  private readonly outLog: FileFollower;
  private readonly events = new Map<string, FileFollower>();
  private cursors = new Map<string, ServerCursor>();
  private eventsEnabled: boolean;

  constructor(private readonly options: RunSyncOptions) {
    const { folder, api } = options;
    this.eventsEnabled = options.tensorboard;
    this.params = new WholeFileSync(folder.paramsTxt, api.uploadParamsTxt, (text) => this.signals.applyParams(parseParamsTxt(text).params), options.settleMs);
    this.results = new WholeFileSync(folder.resultsJsonl, api.uploadResultsJsonl, undefined, options.settleMs);
    this.outLog = this.follow('out.log', folder.outLog, 'text', api.sendOutLogChunk);
  }

  /** The server's cursors (GET run detail): where each file's stream stands. */
  setCursors(cursors: readonly ServerCursor[]): void {
    this.cursors = new Map(cursors.map((cursor) => [cursor.source, cursor]));
    this.outLog.setServerCursor(this.cursors.get('out.log'));
  }

  /** One pass over the folder; true when any file changed since the previous pass. */
  async syncOnce(): Promise<boolean> {
    let grew = await this.guard('params.txt', () => this.syncWhole(this.params));
    grew = (await this.guard('out.log', () => this.outLog.poll())) || grew;
    grew = (await this.syncEventFiles()) || grew;
    grew = (await this.guard('results.jsonl', () => this.syncWhole(this.results))) || grew;
    return grew;
  }

  summaryRows(): SummaryRow[] {
    const run = this.options.folder.runKey;
    const rows: SummaryRow[] = [];
    const whole = (file: string, sync: WholeFileSync) => {
      const result = sync.lastResult;
      if (result) rows.push({ run, file, bytes: sync.bytesSent, lines: result.rows, points: result.pointsWritten, unparsed: result.unparsedCount });
    };
    const followed = (file: string, follower: FileFollower) => {
      const { bytesSent, linesParsed, pointsWritten, unparsedCount } = follower.totals;
      const note = follower.isStopped ? 'stopped (see warnings)' : bytesSent === 0 ? 'already on the server' : undefined;
      rows.push({ run, file, bytes: bytesSent, lines: linesParsed, points: pointsWritten, unparsed: unparsedCount, note });
    };
    whole('params.txt', this.params);
    if (this.outLog.sentPosition > 0 || this.outLog.totals.bytesSent > 0) followed('out.log', this.outLog);
    for (const [name, follower] of this.events) followed(`tensorboard/${name}`, follower);
    whole('results.jsonl', this.results);
    return rows;
  }

  /** The run was re-created on the server: params.txt and results.jsonl go again at the next pass. */
  forgetWholeFiles(): void {
    this.params.forget();
    this.results.forget();
  }

  /** Lines the server did not understand, per file, for `--verbose` and watch warnings. */
  unparsedExamples(): { file: string; line: number; text: string; reason: string }[] {
    const examples = this.outLog.totals.unparsed.map((line) => ({ file: 'out.log', ...line }));
    for (const [file, sync] of [['params.txt', this.params], ['results.jsonl', this.results]] as const) {
      for (const line of sync.lastResult?.unparsed ?? []) examples.push({ file, ...line });
    }
    return examples;
  }

  async close(): Promise<void> {
    await this.outLog.close();
    for (const follower of this.events.values()) await follower.close();
  }

  private follow(label: string, path: string, kind: 'text' | 'binary', send: (offset: number, bytes: Uint8Array) => Promise<ChunkAck>) {
    return new FileFollower({
      path,
      label,
      kind,
      send,
      chunkBytes: this.options.chunkBytes,
      memory: kind === 'text' ? this.options.memory?.(label) : undefined,
      observer: label === 'out.log' ? this.signals : undefined,
      warn: (message) => this.options.reporter.warn(`${this.options.folder.runKey}: ${message}`),
      onAck: (ack, covered) => {
        this.options.onProgress?.(covered, ack.linesParsed ?? 0);
        this.options.onAck?.(label, ack);
      },
    });
  }

  private async syncWhole(sync: WholeFileSync): Promise<boolean> {
    const sent = await sync.poll();
    if (sent) this.options.onProgress?.(sync.bytesSent, sync.lastResult?.rows ?? 0);
    return sent;
  }

  private async syncEventFiles(): Promise<boolean> {
    if (!this.eventsEnabled) return false;
    const { folder, api, server } = this.options;
    let grew = false;
    try {
      for (const name of await listEventFiles(folder)) {
        let follower = this.events.get(name);
        if (!follower) {
          follower = this.follow(`tensorboard/${name}`, `${folder.tensorboardDir}/${name}`, 'binary', createEventFileSender(api, server, name));
          follower.setServerCursor(this.cursors.get(`tensorboard/${name}`));
          this.events.set(name, follower);
        }
        grew = (await this.guard(`tensorboard/${name}`, () => this.pollEventFile(name, follower))) || grew;
      }
    } catch (error) {
      if (!(error instanceof EventFilesUnsupportedError)) throw error;
      this.eventsEnabled = false;
      this.options.reporter.warnOnce('tfevents-unsupported', error.message);
    }
    return grew;
  }

  /** A file the server refuses (bad name, corrupt beyond repair) is dropped, not allowed to stop the run. */
  private async pollEventFile(name: string, follower: FileFollower): Promise<boolean> {
    try {
      return await follower.poll();
    } catch (error) {
      if (classifyFailure(error) !== 'rejected') throw error;
      follower.abandon(`the server refused tensorboard/${name} (${(error as Error).message}); no longer sending it`);
      return false;
    }
  }

  /** File problems either fail the pass (import) or are reported once and retried next pass (watch). */
  private async guard(source: string, step: () => Promise<boolean>): Promise<boolean> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof CliError) || this.options.fileErrors === 'throw') throw error;
      this.options.reporter.warnOnce(`${source}:${error.message}`, `${error.message} (${error.advice ?? 'will retry'}); retrying every pass`);
      return false;
    }
  }
}

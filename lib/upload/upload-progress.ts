/**
 * Upload progress as plain data: one entry per file plus the phase, updated immutably so React can
 * render each step, and summed into overall bytes, lines and points for the progress bar.
 */
import type { RunFileKind } from './classify-run-files';

export type UploadPhase = 'checking-key' | 'creating-run' | 'sending' | 'finishing' | 'done';
export type FileStatus = 'waiting' | 'sending' | 'done';

export interface FileProgress {
  relativePath: string;
  kind: RunFileKind;
  size: number;
  sentBytes: number;
  status: FileStatus;
  /** Log lines or event records read from this file so far. */
  linesParsed: number;
  pointsWritten: number;
  unparsed: number;
  /** Bytes the server already had (a resumed or repeated upload). */
  skippedBytes: number;
}

export interface UploadProgress {
  phase: UploadPhase;
  files: FileProgress[];
  /** Set while a failed request waits to be tried again. */
  retry: { attempt: number; delayMs: number; reason: string } | null;
}

export interface ProgressSummary {
  sentBytes: number;
  totalBytes: number;
  percent: number;
  linesParsed: number;
  pointsWritten: number;
  unparsed: number;
  filesDone: number;
}

export function startProgress(files: readonly { relativePath: string; kind: RunFileKind; size: number }[]): UploadProgress {
  return {
    phase: 'checking-key',
    retry: null,
    files: files.map(({ relativePath, kind, size }) => ({
      relativePath, kind, size, sentBytes: 0, status: 'waiting', linesParsed: 0, pointsWritten: 0, unparsed: 0, skippedBytes: 0,
    })),
  };
}

export function updateFile(progress: UploadProgress, index: number, patch: Partial<FileProgress>): UploadProgress {
  return { ...progress, retry: null, files: progress.files.map((file, i) => (i === index ? { ...file, ...patch } : file)) };
}

/** Adds one server answer's counts to a file. */
export function addChunkResult(
  progress: UploadProgress,
  index: number,
  result: { sentBytes: number; linesParsed: number; pointsWritten: number; unparsed: number; skippedBytes?: number },
): UploadProgress {
  const file = progress.files[index]!;
  return updateFile(progress, index, {
    sentBytes: Math.min(file.size, result.sentBytes),
    linesParsed: file.linesParsed + result.linesParsed,
    pointsWritten: file.pointsWritten + result.pointsWritten,
    unparsed: file.unparsed + result.unparsed,
    skippedBytes: file.skippedBytes + (result.skippedBytes ?? 0),
  });
}

/** Whole percent, rounded down so 100 means every byte is stored; an empty upload is 100 once done. */
export function percentOf(sent: number, total: number, done = false): number {
  if (total <= 0) return done ? 100 : 0;
  return Math.min(100, Math.floor((100 * sent) / total));
}

export function summarizeProgress(progress: UploadProgress): ProgressSummary {
  const sum = (pick: (file: FileProgress) => number) => progress.files.reduce((total, file) => total + pick(file), 0);
  const sentBytes = sum((file) => file.sentBytes);
  const totalBytes = sum((file) => file.size);
  return {
    sentBytes,
    totalBytes,
    percent: percentOf(sentBytes, totalBytes, progress.phase === 'done'),
    linesParsed: sum((file) => file.linesParsed),
    pointsWritten: sum((file) => file.pointsWritten),
    unparsed: sum((file) => file.unparsed),
    filesDone: progress.files.filter((file) => file.status === 'done').length,
  };
}


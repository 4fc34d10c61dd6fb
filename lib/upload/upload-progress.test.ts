import { describe, expect, it } from 'vitest';
import { formatBytes } from '@/lib/format/bytes';
import { addChunkResult, percentOf, startProgress, summarizeProgress, updateFile } from './upload-progress';

const files = [
  { relativePath: 'params.txt', kind: 'params' as const, size: 100 },
  { relativePath: 'out.log', kind: 'outLog' as const, size: 900 },
];

describe('upload progress', () => {
  it('starts with every file waiting and nothing sent', () => {
    const progress = startProgress(files);
    expect(progress.phase).toBe('checking-key');
    expect(summarizeProgress(progress)).toEqual({ sentBytes: 0, totalBytes: 1000, percent: 0, linesParsed: 0, pointsWritten: 0, unparsed: 0, filesDone: 0 });
  });

  it('sums bytes, lines and points over files and answers', () => {
    let progress = startProgress(files);
    progress = updateFile(progress, 0, { status: 'done', sentBytes: 100 });
    progress = addChunkResult(progress, 1, { sentBytes: 400, linesParsed: 10, pointsWritten: 80, unparsed: 1 });
    progress = addChunkResult(progress, 1, { sentBytes: 899, linesParsed: 5, pointsWritten: 40, unparsed: 0, skippedBytes: 3 });
    expect(progress.files[1]).toMatchObject({ sentBytes: 899, linesParsed: 15, pointsWritten: 120, unparsed: 1, skippedBytes: 3 });
    expect(summarizeProgress(progress)).toMatchObject({ sentBytes: 999, percent: 99, linesParsed: 15, pointsWritten: 120, filesDone: 1 });
  });

  it('never counts more bytes than the file has (the server may hold more)', () => {
    const progress = addChunkResult(startProgress(files), 1, { sentBytes: 5_000, linesParsed: 0, pointsWritten: 0, unparsed: 0 });
    expect(progress.files[1]!.sentBytes).toBe(900);
  });

  it('does not mutate the previous state and clears a pending retry', () => {
    const before = { ...startProgress(files), retry: { attempt: 1, delayMs: 500, reason: 'HTTP 503' } };
    const after = updateFile(before, 0, { status: 'sending' });
    expect(before.files[0]!.status).toBe('waiting');
    expect(after.retry).toBeNull();
  });

  it('rounds percent down, so 100 means all bytes; an empty upload is 100 only when done', () => {
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(0, 0, true)).toBe(100);
    expect(summarizeProgress({ ...startProgress([]), phase: 'done' }).percent).toBe(100);
  });

  it('formats sizes in decimal units', () => {
    expect([formatBytes(512), formatBytes(4_194_304), formatBytes(104_857_600), formatBytes(2.5e12)]).toEqual(['512 B', '4.2 MB', '105 MB', '2.5 TB']);
  });
});

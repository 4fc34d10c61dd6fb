import { describe, expect, it } from 'vitest';
import { collectRunKeys } from './columns';
import { compileFilter } from './filter-eval';
import { parseFilter } from './filter-parser';
import { sampleRuns } from './run-fixture';

const runs = sampleRuns();
const keys = collectRunKeys(runs);

function matching(expression: string): string[] {
  const parsed = parseFilter(expression);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const compiled = compileFilter(parsed.terms, keys);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return runs.filter(compiled.predicate).map((run) => run.key);
}

function compileError(expression: string): string {
  const parsed = parseFilter(expression);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const compiled = compileFilter(parsed.terms, keys);
  if (compiled.ok) throw new Error(`"${expression}" compiled`);
  return compiled.error.message;
}

describe('compileFilter', () => {
  it('compares numerically when both sides are numbers', () => {
    expect(matching('batch_size >= 1024')).toEqual(['l14-1024', 'h14-1024', 'h14-2048']);
    expect(matching('batch_size = 1024.0')).toEqual(['l14-1024', 'h14-1024']);
    expect(matching('lr < 1e-3')).toEqual(['b16-256', 'l14-1024']);
    expect(matching('gpus > 8 top1 >= 0.75')).toEqual(['h14-2048']);
    expect(matching('train/loss < 2')).toEqual(['l14-1024']);
  });

  it('compares text case-insensitively, and ~ finds substrings', () => {
    expect(matching('model = vit-h-14')).toEqual(['h14-1024', 'h14-2048']);
    expect(matching('model ~ L-14')).toEqual(['l14-1024']);
    expect(matching('notes ~ nccl')).toEqual(['h14-2048']);
  });

  it('lets a missing value match only the negative operators', () => {
    expect(matching('lr != 0.0005')).toEqual(['b16-512', 'h14-1024', 'h14-2048', 'no-config']);
    expect(matching('model !~ ViT')).toEqual(['no-config']);
    expect(matching('lr >= 0')).toEqual(['b16-256', 'b16-512', 'l14-1024', 'h14-2048']);
  });

  it('matches tags and statuses by qualifier, any of a comma list', () => {
    expect(matching('tag:h14')).toEqual(['l14-1024', 'h14-1024']);
    expect(matching('tag:pilot,ladder')).toEqual(['b16-256', 'l14-1024']);
    expect(matching('tags != h14')).toEqual(['b16-256', 'b16-512', 'h14-2048', 'no-config']);
    expect(matching('status:running,stale')).toEqual(['b16-512', 'h14-1024']);
    expect(matching('status:Failed')).toEqual(['h14-2048']);
  });

  it('searches free text in name, key and notes, and negates with a dash', () => {
    expect(matching('scratch')).toEqual(['no-config']);
    expect(matching('warmup')).toEqual(['b16-256']);
    expect(matching('h14 -tag:h14')).toEqual(['h14-2048']);
    expect(matching('-status:finished -model:ViT-B-16')).toEqual(['h14-1024', 'h14-2048']);
  });

  it('requires every term', () => {
    expect(matching('model = ViT-B-16 batch_size >= 512')).toEqual(['b16-512']);
  });

  it('names an unknown field, with the closest known name', () => {
    expect(compileError('batch_sise >= 5')).toBe(
      'Unknown field "batch_sise" at column 1: not a column, params.txt key or metric of these runs. Did you mean "batch_size"?',
    );
    expect(compileError('x = 1 zzzzzz = 2')).toMatch(/^Unknown field "x" at column 1: .*\.$/);
  });

  it('names an unknown status', () => {
    expect(compileError('status:done')).toBe('Unknown status "done"; use running, finished, failed, crashed, stale');
  });
});

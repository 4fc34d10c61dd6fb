import { describe, expect, it } from 'vitest';
import { collectRunKeys, columnById, DEFAULT_COLUMN_IDS, resolveColumns, resolveField } from './columns';
import { makeRun, sampleRuns } from './run-fixture';

describe('columns', () => {
  it('defaults to the table the project page always had, plus tags and notes', () => {
    expect(resolveColumns(null).map((column) => column.id)).toEqual([...DEFAULT_COLUMN_IDS]);
  });

  it('resolves built-in, config and metric ids, dropping unknown ids and repeats', () => {
    const columns = resolveColumns(['name', 'config.batch_size', 'metric.train/loss', 'bogus', 'name']);
    expect(columns.map((column) => [column.id, column.source, column.label])).toEqual([
      ['name', 'run', 'Name'],
      ['config.batch_size', 'config', 'batch_size'],
      ['metric.train/loss', 'metric', 'train/loss'],
    ]);
    expect(columnById('config.')).toBeNull();
  });

  it('reads config and latest metric values, missing when absent', () => {
    const [b16] = sampleRuns();
    expect(columnById('config.batch_size')!.value(b16!)).toBe('256');
    expect(columnById('config.seed')!.value(b16!)).toBeNull();
    expect(columnById('metric.train/loss')!.value(b16!)).toBe(2.5);
    expect(columnById('metric.nope')!.value(b16!)).toBeNull();
  });

  it('never reads a key from the object prototype', () => {
    const run = makeRun('r', { config: { a: '1' }, latestMetrics: {} });
    expect(columnById('config.constructor')!.value(run)).toBeNull();
    expect(columnById('metric.toString')!.value(run)).toBeNull();
  });

  it('shows tags joined, and status sorted by liveness rather than alphabet', () => {
    const run = makeRun('r', { tags: ['a', 'b'], displayStatus: 'stale' });
    expect(columnById('tags')!.value(run)).toBe('a; b');
    expect(columnById('tags')!.value(makeRun('s'))).toBeNull();
    expect(columnById('status')!.sortValue!(run)).toBe(1);
    expect(columnById('status')!.sortValue!(makeRun('f'))).toBe(2);
  });

  it('collects every config and metric key of the runs, sorted', () => {
    expect(collectRunKeys(sampleRuns())).toEqual({
      configKeys: ['batch_size', 'lr', 'model', 'world_size'],
      metricKeys: ['train/loss', 'val/imagenet-zeroshot-val-top1'],
    });
  });

  it('resolves filter fields: built-ins (any case, aliases) first, then config, then metric keys', () => {
    const keys = collectRunKeys(sampleRuns());
    expect(resolveField('Model', keys)!.id).toBe('model');
    expect(resolveField('tag', keys)!.id).toBe('tags');
    expect(resolveField('batch_size', keys)!.id).toBe('config.batch_size');
    expect(resolveField('train/loss', keys)!.id).toBe('metric.train/loss');
    expect(resolveField('config.model', keys)!.id).toBe('config.model');
    expect(resolveField('Batch_Size', keys)).toBeNull();
    expect(resolveField('nope', keys)).toBeNull();
  });
});

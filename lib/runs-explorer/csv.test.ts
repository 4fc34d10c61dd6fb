import { describe, expect, it } from 'vitest';
import { resolveColumns } from './columns';
import { csvField, csvFileName, toCsv } from './csv';
import { makeRun } from './run-fixture';

describe('csvField', () => {
  it('quotes only fields with a comma, quote, CR or LF, doubling quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header of labels and one CRLF record per run with raw values', () => {
    const runs = [
      makeRun('r1', { name: 'B/16, 256', latestTop1: 0.6321, tags: ['a', 'b'], notes: 'lr "too" high\nretry', config: { lr: '5e-4' }, latestMetrics: { 'train/loss': 1.25 } }),
      makeRun('r2', { latestTop1: null, config: { lr: 'None' } }),
    ];
    const columns = resolveColumns(['name', 'top1', 'tags', 'notes', 'config.lr', 'metric.train/loss']);
    expect(toCsv(columns, runs)).toBe(
      'Name,Zero-shot top-1 (fraction),Tags,Notes,lr,train/loss\r\n' +
        '"B/16, 256",0.6321,a; b,"lr ""too"" high\nretry",5e-4,1.25\r\n' +
        'r2,,,,,\r\n',
    );
  });

  it('writes just the header for no runs', () => {
    expect(toCsv(resolveColumns(['key']), [])).toBe('Key\r\n');
  });

  it('names the file after the project and the day', () => {
    expect(csvFileName('clipa-h14', new Date(2026, 11, 5, 23, 59))).toBe('clipa-h14-runs-2026-12-05.csv');
  });
});

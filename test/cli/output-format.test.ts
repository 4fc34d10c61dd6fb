import { describe, expect, it } from 'vitest';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/cli/format-units';
import { ProgressBar, renderProgress } from '@/cli/progress-bar';
import { formatSummaryTable } from '@/cli/summary-table';

describe('progress', () => {
  it('renders bytes, lines and the current run', () => {
    expect(renderProgress({ doneBytes: 5_500_000, totalBytes: 22_000_000, lines: 25_012, label: 'run 1/2 vitb32' }, 8)).toBe(
      '[##......]  25% 5.5 MB/22.0 MB · 25,012 lines · run 1/2 vitb32',
    );
  });

  it('prints plain lines every 10% when stderr is not a terminal', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (text) => written.push(text), isTTY: false }, 1000);
    bar.setLabel('run 1/1 a');
    for (let i = 0; i < 100; i++) bar.advance(10, 1);
    bar.finish();
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(written.length).toBe(12);
    expect(written.at(-1)).toMatch(/100% 1.0 kB\/1.0 kB · 100 lines · done/);
  });

  it('redraws one line in place on a terminal', () => {
    const written: string[] = [];
    let now = 0;
    const bar = new ProgressBar({ write: (text) => written.push(text), isTTY: true }, 1000, () => now);
    bar.setLabel('run 1/1 a');
    bar.advance(10);
    now = 500;
    bar.advance(10);
    bar.log('warning: x\n');
    expect(written.filter((text) => text.startsWith('\r\x1b[2K['))).toHaveLength(3);
    expect(written).toContain('warning: x\n');
  });
});

describe('formatSummaryTable', () => {
  it('lists each file with points stored and lines not understood, then totals', () => {
    const table = formatSummaryTable([
      { run: 'vitb32', file: 'params.txt', bytes: 800, lines: 40, points: 0, unparsed: 0 },
      { run: 'vitb32', file: 'out.log', bytes: 21_861_756, lines: 100_060, points: 800_020, unparsed: 3 },
      { run: 'vitb16', file: 'out.log', bytes: 0, lines: 0, points: 0, unparsed: 0, note: 'already on the server' },
    ]);
    expect(table.split('\n').slice(0, 6)).toEqual([
      'run     file        sent    lines  points stored  lines not understood',
      '------  ----------  -------  -------  -------------  --------------------  ---------------------',
      'vitb32  params.txt    800 B       40              0                     0',
      '        out.log     21.9 MB  100,060        800,020                     3',
      'vitb16  out.log         0 B        0              0                     0  already on the server',
      '------  ----------  -------  -------  -------------  --------------------  ---------------------',
    ].map((line, index) => (index === 0 ? expect.stringMatching(/^run\s+file\s+sent\s+lines\s+points stored\s+lines not understood$/) : line)));
    expect(table).toMatch(/total\s+2 run\(s\)\s+21.9 MB\s+100,100\s+800,020\s+3\n$/);
  });

  it('formats sizes and counts', () => {
    expect([999, 1000, 15_400, 21_861_756, 3e12].map(formatBytes)).toEqual(['999 B', '1.0 kB', '15.4 kB', '21.9 MB', '3.0 TB']);
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

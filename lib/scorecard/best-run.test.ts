import { describe, expect, it } from 'vitest';
import { pickBestRun, type RunCandidate } from './best-run';

type Named = RunCandidate & { name: string };
const run = (name: string, status: RunCandidate['status'], value: number | null, samplesSeen: number | null = null): Named => ({ name, status, value, samplesSeen });
const pick = (runs: Named[]) => pickBestRun(runs, 81.8, 0.5)?.name ?? null;

describe('pickBestRun', () => {
  it('has no run without linked runs, or when finished runs never logged the metric', () => {
    expect(pick([])).toBeNull();
    expect(pick([run('a', 'finished', null)])).toBeNull();
  });

  it('takes the highest finished value', () => {
    expect(pick([run('a', 'finished', 79.1), run('b', 'finished', 80.9), run('c', 'crashed', 12)])).toBe('b');
  });

  it('keeps a finished reproduction over a running run, even one with a higher value', () => {
    expect(pick([run('done', 'finished', 81.4), run('retry', 'running', 82.5)])).toBe('done');
  });

  it('shows a running retry instead of a finished run that did not reproduce', () => {
    expect(pick([run('done', 'finished', 80.9), run('retry', 'running', 55)])).toBe('retry');
  });

  it('among running runs takes the highest value, then the most samples seen', () => {
    expect(pick([run('a', 'running', 70), run('b', 'running', 72)])).toBe('b');
    expect(pick([run('a', 'running', null, 5e9), run('b', 'running', null, 6e9)])).toBe('b');
    expect(pick([run('a', 'running', null, 9e9), run('b', 'running', 1)])).toBe('b');
  });

  it('prefers a finished run over a crashed one with the same value', () => {
    expect(pick([run('crashed', 'crashed', 80), run('finished', 'finished', 80)])).toBe('finished');
  });
});

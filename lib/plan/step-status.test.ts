import { describe, expect, it } from 'vitest';
import { judgeStep, type StatusRun } from './step-status';

const run = (key: string, status: StatusRun['status'], value: number | null, stale = false): StatusRun => ({ key, status, value, stale, samplesSeen: null });
const target = { reported: 81.1, tolerancePp: 0.5 };

describe('judgeStep', () => {
  it('is not started without runs', () => {
    expect(judgeStep([], target)).toMatchObject({ status: 'not_started', verdict: null });
  });

  it('is running while a run trains, and says when none is live', () => {
    expect(judgeStep([run('a', 'running', 70)], target)).toMatchObject({ status: 'running', verdict: 'in_progress', bestRunKey: 'a', stalled: false });
    expect(judgeStep([run('a', 'running', null, true)], target)).toMatchObject({ status: 'running', stalled: true });
  });

  it('judges the best ended run against the target, with the scorecard boundaries', () => {
    expect(judgeStep([run('a', 'finished', 80.6)], target)).toMatchObject({ status: 'reproduced', verdict: 'reproduced', gap: -0.5 });
    expect(judgeStep([run('a', 'finished', 80.4)], target)).toMatchObject({ status: 'not_reproduced', verdict: 'close' });
    expect(judgeStep([run('a', 'crashed', 60), run('b', 'finished', 79)], target)).toMatchObject({ status: 'not_reproduced', verdict: 'not_reproduced', bestRunKey: 'b' });
  });

  it('keeps a reproduction even while a retry trains', () => {
    expect(judgeStep([run('a', 'finished', 81.3), run('b', 'running', 50)], target)).toMatchObject({ status: 'reproduced', bestRunKey: 'a' });
  });

  it('is done when every run ended without a value, or when there is no target', () => {
    expect(judgeStep([run('a', 'finished', null)], target)).toMatchObject({ status: 'done', verdict: 'no_run' });
    expect(judgeStep([run('a', 'finished', 70)], null)).toMatchObject({ status: 'done', verdict: null });
    expect(judgeStep([run('a', 'finished', 70), run('b', 'running', null)], null)).toMatchObject({ status: 'running' });
  });
});

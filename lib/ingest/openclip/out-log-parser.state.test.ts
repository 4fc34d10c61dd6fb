import { describe, expect, it } from 'vitest';
import { createOutLogState, parseOutLog, parseOutLogLines, type OutLogState } from './out-log-parser';
import { readFixture, series } from './out-log-test-helpers';

describe('parseOutLogLines: state handling', () => {
  const lines = readFixture('classic-multi-gpu-resumed.out.log').split('\n').slice(0, -1);

  function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  }

  it.each(['classic-multi-gpu-resumed.out.log', 'noise-and-junk.out.log'])('never mutates the state it is given (%s, every split point)', (name) => {
    const fileLines = readFixture(name).split('\n').slice(0, -1);
    const whole = parseOutLogLines(fileLines, createOutLogState());
    for (let split = 0; split <= fileLines.length; split += 1) {
      const first = parseOutLogLines(fileLines.slice(0, split), createOutLogState());
      const frozen = deepFreeze(JSON.parse(JSON.stringify(first.state)) as OutLogState);
      const snapshot = JSON.stringify(frozen);
      const second = parseOutLogLines(fileLines.slice(split), frozen);
      expect(JSON.stringify(frozen)).toBe(snapshot);
      expect(second.state).toEqual(whole.state);
    }
  });

  it('reports samplesPerEpoch only from train lines, never the requested train_num_samples', () => {
    const header = parseOutLogLines(lines.slice(0, 37), createOutLogState());
    expect(header.info.params?.train_num_samples).toBe('1000000');
    expect(header.info).not.toHaveProperty('samplesPerEpoch');
    expect(parseOutLogLines(lines.slice(37, 39), header.state).info.samplesPerEpoch).toBe(1007616);
  });

  it('keeps the state small and plain JSON', () => {
    const { state } = parseOutLog(readFixture('classic-multi-gpu-resumed.out.log'));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(JSON.stringify(state).length).toBeLessThan(2000);
  });

  it('survives a damaged or foreign state', () => {
    const damaged = JSON.parse('{"version": 7, "flavour": "bogus", "params": [1], "errors": "x", "linesConsumed": -3}') as OutLogState;
    const result = parseOutLogLines(lines.slice(0, 3), damaged);
    expect(result.state.linesConsumed).toBe(3);
    expect(result.info.launches).toBe(1);
  });

  it('reports at most 50 unparsed lines per call but counts them all, with 1-based line numbers', () => {
    const junk = Array.from({ length: 120 }, (_, index) => `junk ${index}`);
    const result = parseOutLogLines(['2024-03-05,14:01:58 | INFO | hello', ...junk], createOutLogState());
    expect(result.unparsedCount).toBe(120);
    expect(result.unparsed).toHaveLength(50);
    expect(result.unparsed[0]).toEqual({ line: 2, text: 'junk 0', reason: 'not understood' });
    expect(result.unparsed[49].line).toBe(51);
  });

  it('continues line numbers across calls and cuts reported text to 300 characters', () => {
    const first = parseOutLogLines(['2024-03-05,14:01:58 | INFO | hello', 'x'.repeat(1000)], createOutLogState());
    const second = parseOutLogLines(['y'], first.state);
    expect(first.unparsed[0]).toEqual({ line: 2, text: 'x'.repeat(300), reason: 'not understood' });
    expect(second.unparsed[0].line).toBe(3);
  });

  it('refuses train lines until the global batch is known, then learns it at the next epoch start', () => {
    const result = parseOutLogLines(
      [
        '2024-01-01,00:00:00 | INFO | Train Epoch: 0 [ 51200/102400 (50%)] Loss: 2.0000 (2.0000)',
        '2024-01-01,00:01:00 | INFO | Start epoch 1',
        '2024-01-01,00:02:00 | INFO | Train Epoch: 1 [  3200/102400 (3%)] Loss: 1.0000 (1.0000)',
        '2024-01-01,00:03:00 | INFO | Train Epoch: 1 [ 51200/102400 (50%)] Loss: 0.5000 (0.5000)',
      ],
      createOutLogState(),
    );
    expect(result.unparsed.map((line) => [line.line, line.reason])).toEqual([[1, 'train line before the global batch size is known (no Params block, epoch start not seen)']]);
    expect(series(result.points, 'train/loss')).toEqual([
      [33, 1],
      [48, 0.5],
    ]);
    expect(result.info.globalBatchSize).toBe(3200);
  });

  it('counts only rank 0 device lines as launches in all-rank captures', () => {
    const result = parseOutLogLines(
      [0, 1, 2, 3].map((rank) => `2024-03-05,14:01:58 | INFO | Running in distributed mode with multiple processes. Device: cuda:${rank}.Process (global: ${rank}, local ${rank}), total 4.`),
      createOutLogState(),
    );
    expect(result.info).toEqual({ gpus: 4, launches: 1, errors: [] });
  });
});

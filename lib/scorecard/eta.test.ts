import { describe, expect, it } from 'vitest';
import { estimateEta, measureRate, type ThroughputPoint } from './eta';

const start = Date.UTC(2026, 11, 1, 8);
/** Points every `everyMs`, `samplesPerStep` apart. */
function steady(count: number, samplesPerStep: number, everyMs: number, from = 0): ThroughputPoint[] {
  return Array.from({ length: count }, (_, index) => ({ samplesSeen: from + (index + 1) * samplesPerStep, wallTime: start + index * everyMs }));
}

describe('estimateEta', () => {
  it('divides the remaining samples by the recent rate, counting from the last point', () => {
    // 65,536 samples every 10 s = 6,553.6 samples/s.
    const points = steady(10, 65_536, 10_000);
    const eta = estimateEta(points, 1_000_000);
    expect(eta?.samplesPerSecond).toBeCloseTo(6553.6, 6);
    expect(eta?.samplesSeen).toBe(655_360);
    expect(eta?.remainingSamples).toBe(344_640);
    expect(eta?.remainingSeconds).toBeCloseTo(344_640 / 6553.6, 6);
    expect(eta?.etaAt).toBeCloseTo(points.at(-1)!.wallTime + (344_640 / 6553.6) * 1000, 3);
    expect(eta?.measuredAt).toBe(points.at(-1)!.wallTime);
  });

  it('uses only the last window of points, so a faster recent rate wins over the early one', () => {
    const slow = steady(30, 1000, 10_000);
    const fast = steady(20, 4000, 10_000, 30_000).map((point) => ({ ...point, wallTime: point.wallTime + 300_000 }));
    expect(estimateEta([...slow, ...fast], 1e6)?.samplesPerSecond).toBeCloseTo(400, 6);
  });

  it('ignores a pause (a restart from a checkpoint) and re-logged steps', () => {
    const before = steady(5, 1000, 1000);
    const after = steady(5, 1000, 1000, 5000).map((point) => ({ ...point, wallTime: point.wallTime + 3_600_000 }));
    const regressed = { samplesSeen: 3000, wallTime: before.at(-1)!.wallTime + 500 };
    expect(measureRate([...before, regressed, ...after])).toBeCloseTo(1000, 6);
  });

  it('is zero seconds away for a run at or past its target', () => {
    expect(estimateEta(steady(5, 1000, 1000), 4000)?.remainingSeconds).toBe(0);
  });

  it('is null without a target, with fewer than two points, or without progress', () => {
    expect(estimateEta(steady(5, 1000, 1000), null)).toBeNull();
    expect(estimateEta(steady(5, 1000, 1000), 0)).toBeNull();
    expect(estimateEta(steady(1, 1000, 1000), 1e6)).toBeNull();
    expect(estimateEta([{ samplesSeen: 10, wallTime: start }, { samplesSeen: 10, wallTime: start + 1000 }], 1e6)).toBeNull();
    expect(estimateEta([{ samplesSeen: 10, wallTime: start }, { samplesSeen: 20, wallTime: start }], 1e6)).toBeNull();
    expect(estimateEta([{ samplesSeen: Number.NaN, wallTime: start }, { samplesSeen: 20, wallTime: start + 1 }], 1e6)).toBeNull();
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { Db } from './client';

const refreshes = vi.hoisted(() => ({ starts: [] as number[], ends: [] as number[] }));
vi.mock('./run-diagnostics', () => ({
  refreshRunDiagnostics: async () => {
    refreshes.starts.push(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 60));
    refreshes.ends.push(performance.now());
    return { diagnostics: [], newlyFired: [] };
  },
}));
vi.mock('./run-alerts', () => ({ alertOnDiagnostics: async () => undefined }));

const { BACKGROUND_SHARE, scheduleDiagnosticsRefresh } = await import('./run-diagnostics-schedule');

describe('background diagnostics refreshes', () => {
  it('run one at a time and rest after each, so together they take at most their share of the time', async () => {
    const db = {} as Db;
    for (const runId of ['run-a', 'run-b', 'run-c']) scheduleDiagnosticsRefresh(db, runId);
    await vi.waitFor(() => expect(refreshes.ends).toHaveLength(3), { timeout: 5_000, interval: 20 });
    const { starts, ends } = refreshes;
    for (let index = 1; index < 3; index += 1) {
      const took = ends[index - 1]! - starts[index - 1]!;
      // A few milliseconds of slack: the lane times the refresh from outside this fake.
      expect(starts[index]! - ends[index - 1]!).toBeGreaterThanOrEqual((took * (1 - BACKGROUND_SHARE)) / BACKGROUND_SHARE - 5);
    }
    const busy = starts.reduce((sum, start, index) => sum + (ends[index]! - start), 0);
    expect(busy / (ends[2]! - starts[0]!)).toBeLessThan(BACKGROUND_SHARE * 1.6);
  });
});

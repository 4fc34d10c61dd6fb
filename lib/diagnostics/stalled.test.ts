import { describe, expect, it } from 'vitest';
import { diagnoseStalled } from './stalled';

const NOW = Date.UTC(2026, 11, 5, 12);

describe('stalled', () => {
  it('fires for a running run silent for longer than the limit', () => {
    const finding = diagnoseStalled({ status: 'running', lastActivityAt: NOW - 3_600_000 }, 5000, 900, NOW);
    expect(finding).toMatchObject({
      code: 'stalled',
      severity: 'medium',
      evidence: { metric: 'train/loss', fromStep: 4500, toStep: 5000, values: { lastActivityAt: '2026-12-05T11:00:00.000Z', silentSeconds: 3600, staleAfterSeconds: 900 } },
    });
    expect(finding!.summary).toMatch(/^No data or heartbeat for 1 h .*; the last logged step is 5,000\.$/);
  });

  it('stays silent within the limit, exactly at it, and for runs that ended', () => {
    expect(diagnoseStalled({ status: 'running', lastActivityAt: NOW - 60_000 }, 10, 900, NOW)).toBeNull();
    expect(diagnoseStalled({ status: 'running', lastActivityAt: NOW - 900_000 }, 10, 900, NOW)).toBeNull();
    expect(diagnoseStalled({ status: 'running', lastActivityAt: NOW - 900_001 }, 10, 900, NOW)).not.toBeNull();
    expect(diagnoseStalled({ status: 'finished', lastActivityAt: NOW - 86_400_000 }, 10, 900, NOW)).toBeNull();
  });

  it('has no step range when nothing was logged yet', () => {
    expect(diagnoseStalled({ status: 'running', lastActivityAt: NOW - 3_600_000 }, null, 900, NOW)!.evidence).toMatchObject({ metric: undefined, fromStep: undefined });
  });
});

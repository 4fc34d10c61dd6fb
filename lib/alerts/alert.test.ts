import { describe, expect, it } from 'vitest';
import { buildDiagnosticAlert, buildRunCrashedAlert, buildRunFinishedAlert, buildRunStalledAlert, buildTestAlert, describeVerdict, type AlertRun } from './alert';

const project = { slug: 'clipa-v2', name: 'CLIPA-v2 H/14' };
const NOW = new Date('2026-03-01T12:00:00Z');
const run: AlertRun = {
  id: 'r1',
  key: 'h14 i36/t8',
  name: 'H/14 I36 T8',
  status: 'crashed',
  samplesSeen: 2.56e9,
  lastHeartbeatAt: new Date('2026-03-01T11:00:00Z'),
  createdAt: new Date('2026-02-20T00:00:00Z'),
  endedAt: new Date('2026-03-01T11:30:00Z'),
};

describe('alert builders', () => {
  it('describes a crash, keyed by the run and the end it reported', () => {
    const alert = buildRunCrashedAlert(project, run, NOW);
    expect(alert.kind).toBe('run_crashed');
    expect(alert.dedupeKey).toBe(`run_crashed:r1:${run.endedAt!.getTime()}`);
    expect(alert.payload).toMatchObject({
      title: 'Run H/14 I36 T8 crashed',
      text: 'Run H/14 I36 T8 crashed after 2.6B samples seen.',
      path: '/projects/clipa-v2/runs/h14%20i36%2Ft8',
      occurredAt: '2026-03-01T12:00:00.000Z',
      run: { key: 'h14 i36/t8', status: 'crashed', lastDataAt: '2026-03-01T11:00:00.000Z' },
    });
  });

  it('keys a stall by the last data, so the same silence alerts once and a new one again', () => {
    const running = { ...run, status: 'running', endedAt: null };
    const first = buildRunStalledAlert(project, running, 900, NOW);
    expect(first.payload.text).toBe("No data from H/14 I36 T8 for 60 min (the project's stale limit is 15 min); it is still marked running.");
    expect(buildRunStalledAlert(project, running, 900, new Date(NOW.getTime() + 60_000)).dedupeKey).toBe(first.dedupeKey);
    expect(buildRunStalledAlert(project, { ...running, lastHeartbeatAt: NOW }, 900, NOW).dedupeKey).not.toBe(first.dedupeKey);
  });

  it('carries the verdict of a finished run against its target', () => {
    const verdict = { verdict: 'reproduced' as const, value: 81.5, reported: 81.8, target: 'clipa-v2_H14_datacomp1b_84-224-336', gap: -0.3, tolerancePp: 0.5 };
    const alert = buildRunFinishedAlert(project, { ...run, status: 'finished' }, verdict, NOW);
    expect(alert.payload.verdict).toEqual(verdict);
    expect(alert.payload.text).toBe('Run H/14 I36 T8 finished: 81.5% zero-shot IN-1k top-1 vs 81.8% (clipa-v2_H14_datacomp1b_84-224-336): reproduced, −0.3 pp (tolerance 0.5 pp).');
    expect(buildRunFinishedAlert(project, { ...run, status: 'finished' }, null, NOW).payload.text).toMatch(/has no target accuracy to judge/);
    expect(describeVerdict({ ...verdict, value: null, gap: null, verdict: 'no_run' })).toBe('no zero-shot IN-1k top-1 logged to compare with 81.8% (clipa-v2_H14_datacomp1b_84-224-336)');
  });

  it('keys a diagnostic by run, code and firing', () => {
    const alert = buildDiagnosticAlert(project, run, { code: 'loss_nan', severity: 'high', summary: 'Loss became NaN', firstSeenAt: NOW }, NOW);
    expect(alert).toMatchObject({ kind: 'diagnostic_high', dedupeKey: `diagnostic_high:r1:loss_nan:${NOW.getTime()}`, payload: { diagnostic: { code: 'loss_nan', severity: 'high' } } });
  });

  it('makes every test its own alert', () => {
    expect(buildTestAlert(project, 'n1', NOW)).toMatchObject({ kind: 'test', dedupeKey: 'test:n1', payload: { run: null, path: '/projects/clipa-v2' } });
  });
});

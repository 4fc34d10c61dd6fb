import { describe, expect, it } from 'vitest';
import { injectDataLoaderStall } from '@/lib/demo/data-loader-stall';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { readFixture } from '@/lib/ingest/openclip/out-log-test-helpers';
import { diagnoseRun } from './diagnose-run';
import { inputFromLog } from './diagnostics-test-helpers';

// Runs every diagnostic on real-format OpenCLIP out.log text, through the same parser ingestion uses.

const base: DemoRunSpec = {
  name: 'b16', model: 'ViT-B-16', gpus: 8, batchSizePerGpu: 512, stepsPerEpoch: 500, epochs: 4, logEveryNSteps: 10,
  lr: 5e-4, finalTop1: 0.6, perGpuSamplesPerSecond: 900, startMs: Date.UTC(2026, 10, 30, 8), seed: 5,
};
const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

describe('diagnoseRun on OpenCLIP logs', () => {
  it('finds nothing wrong with a clean finished run', () => {
    expect(diagnoseRun(inputFromLog({ outLog: writeDemoRun(base).outLog }))).toEqual([]);
  });

  it('reports a NaN loss in the classic format (nan, inf and -inf terms)', () => {
    const findings = diagnoseRun(inputFromLog({ outLog: readFixture('nan-inf.out.log') }));
    const nan = findings.find((finding) => finding.code === 'loss_non_finite');
    // 4 GPUs × 256 = 1024 per step; the second line is N = 103,424 → step 101, the first NaN.
    expect(nan).toMatchObject({ severity: 'high', evidence: { metric: 'train/loss', fromStep: 1, toStep: 202, values: { firstNonFiniteStep: 101, nonFinitePoints: 2, lastFiniteValue: 6.9315 } } });
    expect(findings[0]!.code).toBe('loss_non_finite');
  });

  it('reports the demo ladder’s diverged run (NaN from 30% of training on)', () => {
    const files = writeDemoRun({ ...base, divergeAtFraction: 0.3, stopAtFraction: 0.45 });
    const findings = diagnoseRun(inputFromLog({ outLog: files.outLog, status: 'failed' }));
    expect(codes(findings)).toContain('loss_non_finite');
    expect(findings.find((finding) => finding.code === 'loss_non_finite')!.evidence.values).toMatchObject({ firstNonFiniteStep: 600 });
  });

  it('reports a data-loader stall with the stalled steps as evidence, and the throughput drop it causes', () => {
    // Epoch 1, 30%–60%: each step waits 0.4 s more for data (steps 650–800, logged every 10 steps).
    const outLog = injectDataLoaderStall(writeDemoRun(base).outLog, { epoch: 1, fromPercent: 30, toPercent: 60, extraSeconds: 0.4 });
    const findings = diagnoseRun(inputFromLog({ outLog }));
    expect(codes(findings)).toEqual(['data_bottleneck', 'throughput_drop']);
    const bottleneck = findings[0]!;
    expect(bottleneck).toMatchObject({ severity: 'medium', evidence: { metric: 'train/data_time', fromStep: 650, toStep: 800, values: { windowLines: 16 } } });
    // About 0.42 s of 0.97 s per step.
    expect(bottleneck.evidence.values!.windowFractionLost).toBeGreaterThan(0.4);
    expect(bottleneck.evidence.values!.windowFractionLost).toBeLessThan(0.5);
    expect(findings[1]!.evidence).toMatchObject({ fromStep: 650, toStep: 800 });
  });

  it('does not mistake a resumed run for eval gaps, a bottleneck or a throughput drop', () => {
    // Crashed in epoch 1 and resumed with --resume latest: a second header, epoch 1 re-logged, slow
    // first lines after the restart, evaluations 1–3 (the last without --val-data retrieval metrics).
    const findings = diagnoseRun(inputFromLog({ outLog: readFixture('classic-multi-gpu-resumed.out.log') }));
    expect(codes(findings)).toEqual(['eval_keys_changed']);
    expect(findings[0]!.evidence.lines![0]).toMatch(/^epoch 3 \(step 2,952\): validation keys no longer logged: image_to_text_R@1, image_to_text_R@10, image_to_text_R@5 and 7 more$/);
  });

  it('stays silent on a long run resumed after a crash mid-epoch', () => {
    const spec = { ...base, epochs: 6 };
    const full = writeDemoRun(spec).outLog.split('\n');
    const crashAt = full.findIndex((line) => line.includes('Train Epoch: 2 [1228800/2048000 (60%)]'));
    const restartAt = full.findIndex((line) => line.includes('Start epoch 2'));
    const header = full.slice(0, full.findIndex((line) => line.includes('Start epoch 0')));
    const resumed = [
      ...full.slice(0, crashAt + 1),
      ...header,
      "2026-11-30,12:00:00 | INFO | => resuming checkpoint '/logs/b16/checkpoints/epoch_2.pt' (epoch 2)",
      ...full.slice(restartAt),
    ].join('\n');
    expect(resumed.match(/Running in distributed mode/g)).toHaveLength(2);
    expect(diagnoseRun(inputFromLog({ outLog: resumed, status: 'finished' }))).toEqual([]);
  });

  it('reports missing evaluations of a run whose zero-shot eval failed for an epoch', () => {
    const outLog = writeDemoRun(base).outLog.replace(/.*Eval Epoch: 2 .*\n/, '');
    const findings = diagnoseRun(inputFromLog({ outLog }));
    expect(codes(findings)).toEqual(['eval_missing']);
    expect(findings[0]!.evidence).toMatchObject({ metric: 'val/imagenet-zeroshot-val-top1', fromStep: 500, toStep: 1500, lines: ['epoch 2: no zero-shot evaluation (expected every epoch)'] });
  });

  it('reports a running run that went silent, judged at the time given', () => {
    const input = inputFromLog({ outLog: writeDemoRun({ ...base, stopAtFraction: 0.5 }).outLog, status: 'running' });
    const later = { ...input, now: input.now + 2 * 3_600_000 };
    expect(codes(diagnoseRun(input))).toEqual([]);
    expect(codes(diagnoseRun(later))).toEqual(['stalled']);
    expect(diagnoseRun(later)[0]!.evidence).toMatchObject({ toStep: 1000 });
  });

  it('applies per-project threshold overrides', () => {
    const outLog = injectDataLoaderStall(writeDemoRun(base).outLog, { epoch: 1, fromPercent: 30, toPercent: 60, extraSeconds: 0.4 });
    const input = inputFromLog({ outLog });
    expect(codes(diagnoseRun({ ...input, thresholds: { dataBottleneckMinPoints: 20, throughputMinPoints: 20 } }))).toEqual([]);
  });
});

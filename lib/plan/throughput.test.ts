import { describe, expect, it } from 'vitest';
import { parseModelFamily } from '@/lib/scorecard/model-name';
import { chooseThroughput, measureRunThroughput, type ThroughputRun } from './throughput';

const B32 = parseModelFamily('ViT-B-32');
const H14 = parseModelFamily('ViT-H-14-CL8-Syntax-GAP');
const T0 = Date.UTC(2026, 0, 1);

/** `perInterval` samples every 10 s, 20 points. */
function steadyRun(key: string, gpus: number | null, perInterval: number, gflopsPerSample: number | null, family = B32): ThroughputRun {
  return { key, family, gpus, gflopsPerSample, points: Array.from({ length: 20 }, (_, index) => ({ samplesSeen: (index + 1) * perInterval, wallTime: T0 + index * 10_000 })) };
}

describe('measureRunThroughput', () => {
  it('divides the run rate by its GPUs and weighs it by its own GFLOPs per sample', () => {
    // 8,000 samples per 10 s = 800 samples/s on 8 GPUs = 100 per GPU; × 44.34 GFLOPs per sample.
    const measured = measureRunThroughput(steadyRun('b32', 8, 8000, 44.34));
    expect(measured?.samplesPerSecondPerGpu).toBeCloseTo(100, 9);
    expect(measured?.gflopsPerSecondPerGpu).toBeCloseTo(4434, 6);
  });

  it('needs a GPU count, a per-sample cost and two usable points', () => {
    expect(measureRunThroughput(steadyRun('a', null, 8000, 44.34))).toBeNull();
    expect(measureRunThroughput(steadyRun('b', 8, 8000, null))).toBeNull();
    expect(measureRunThroughput({ ...steadyRun('c', 8, 8000, 44.34), points: [{ samplesSeen: 1, wallTime: T0 }] })).toBeNull();
  });
});

describe('chooseThroughput', () => {
  const need = { family: B32, averageGflopsPerSample: 11.085, assumedSamplesPerSecondPerGpu: 50, gpuType: 'A100' };

  it("prefers the lab's runs of the same family, converted to the step's cost per sample", () => {
    const runs = [measureRunThroughput(steadyRun('b32-a', 8, 8000, 44.34))!, measureRunThroughput(steadyRun('h14', 8, 800, 300, H14))!];
    const chosen = chooseThroughput(need, runs);
    expect(chosen?.source).toBe('measured');
    expect(chosen?.runKeys).toEqual(['b32-a']);
    expect(chosen?.gflopsPerSecondPerGpu).toBeCloseTo(4434, 6);
    // The step costs a quarter per sample, so it trains 4× the samples per second.
    expect(chosen?.samplesPerSecondPerGpu).toBeCloseTo(400, 6);
    expect(chosen?.detail).toBe('measured on run b32-a of B/32: 4,434 training GFLOP/s per GPU');
  });

  it('takes the median of several runs', () => {
    const runs = [4000, 8000, 16000].map((perInterval, index) => measureRunThroughput(steadyRun(`r${index}`, 8, perInterval, 10))!);
    const chosen = chooseThroughput(need, runs);
    expect(chosen?.gflopsPerSecondPerGpu).toBeCloseTo(1000, 6);
    expect(chosen?.detail).toContain('the median of 3 runs (r0, r1, r2)');
  });

  it('falls back on the entered figure, then on the GPU type, then on nothing', () => {
    expect(chooseThroughput(need, [])).toMatchObject({ source: 'assumed', samplesPerSecondPerGpu: 50, detail: 'entered for this step: 50 samples/s per GPU' });
    expect(chooseThroughput(need, [])?.gflopsPerSecondPerGpu).toBeCloseTo(50 * 11.085, 9);
    const byGpu = chooseThroughput({ ...need, assumedSamplesPerSecondPerGpu: null }, []);
    expect(byGpu?.source).toBe('gpu_type');
    expect(byGpu?.gflopsPerSecondPerGpu).toBeCloseTo(86_112, 6);
    expect(byGpu?.detail).toMatch(/^assumed for A100-80GB: 312 TFLOPS peak × 27\.6 %/);
    expect(chooseThroughput({ ...need, assumedSamplesPerSecondPerGpu: null, gpuType: 'TPU v3' }, [])).toBeNull();
  });
});

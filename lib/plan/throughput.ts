/**
 * How fast the lab's GPUs train a step, as training GFLOP/s per GPU, and where that figure comes from.
 *
 * Decisions, in order of trust:
 * 1. Measured: the lab's own runs of the same ViT family (size and patch, lib/scorecard/model-name.ts)
 *    that logged throughput. A run's rate is its recent samples/s (lib/scorecard/eta.ts measureRate,
 *    pauses dropped) ÷ its GPUs × the training GFLOPs per sample of its own stage (its image size,
 *    patch dropout and text length). Counting FLOPs rather than samples carries a rate measured at
 *    84 px over to a 224 px stage at the same utilisation; several runs give their median.
 * 2. Assumed: the step's `assumedSamplesPerSecondPerGpu`, read as the step's average over its stages,
 *    so its GPU-hours are samples ÷ that rate.
 * 3. The project's GPU type: peak × the utilisation CLIPA-v2's estimate implies (gpu-types.ts).
 * Null when none applies: the step has no GPU-hour estimate, and the plan says why.
 */
import { measureRate, type ThroughputPoint } from '@/lib/scorecard/eta';
import { formatModelFamily, isSameFamily, type ModelFamily } from '@/lib/scorecard/model-name';
import { assumedGflopsPerSecond, findGpuType, REFERENCE_UTILISATION_SOURCE } from './gpu-types';

export interface ThroughputRun {
  key: string;
  family: ModelFamily | null;
  gpus: number | null;
  /** Training GFLOPs per sample of the run's own stage, from its params; null when unknown. */
  gflopsPerSample: number | null;
  /** Recent training points, oldest first. */
  points: readonly ThroughputPoint[];
}

export interface RunThroughput {
  runKey: string;
  family: ModelFamily | null;
  samplesPerSecondPerGpu: number;
  gflopsPerSecondPerGpu: number;
}

export type ThroughputSource = 'measured' | 'assumed' | 'gpu_type';

export interface Throughput {
  source: ThroughputSource;
  gflopsPerSecondPerGpu: number;
  /** At the step's average GFLOPs per sample. */
  samplesPerSecondPerGpu: number;
  /** Where the figure comes from, for people. */
  detail: string;
  /** The runs it was measured on (measured only). */
  runKeys: string[];
}

export interface ThroughputNeed {
  family: ModelFamily | null;
  /** The step's training GFLOPs ÷ its samples. */
  averageGflopsPerSample: number;
  assumedSamplesPerSecondPerGpu: number | null;
  gpuType: string | null;
}

/** One run's training rate per GPU; null without a GPU count, a per-sample cost or two usable points. */
export function measureRunThroughput(run: ThroughputRun): RunThroughput | null {
  if (!(run.gpus !== null && run.gpus > 0) || !(run.gflopsPerSample !== null && run.gflopsPerSample > 0)) return null;
  const rate = measureRate(run.points);
  if (rate === null) return null;
  const samplesPerSecondPerGpu = rate / run.gpus;
  return { runKey: run.key, family: run.family, samplesPerSecondPerGpu, gflopsPerSecondPerGpu: samplesPerSecondPerGpu * run.gflopsPerSample };
}

export function chooseThroughput(need: ThroughputNeed, measured: readonly RunThroughput[]): Throughput | null {
  const perSample = need.averageGflopsPerSample;
  if (!(perSample > 0)) return null;
  const family = need.family;
  const matching = family ? measured.filter((run) => run.family !== null && isSameFamily(run.family, family)) : [];
  if (family && matching.length > 0) {
    const rate = median(matching.map((run) => run.gflopsPerSecondPerGpu));
    const runs = matching.map((run) => run.runKey);
    const what = matching.length === 1 ? `run ${runs[0]}` : `the median of ${matching.length} runs (${runs.join(', ')})`;
    return {
      source: 'measured',
      gflopsPerSecondPerGpu: rate,
      samplesPerSecondPerGpu: rate / perSample,
      detail: `measured on ${what} of ${formatModelFamily(family)}: ${formatRate(rate)} training GFLOP/s per GPU`,
      runKeys: runs,
    };
  }
  if (need.assumedSamplesPerSecondPerGpu !== null && need.assumedSamplesPerSecondPerGpu > 0) {
    const samples = need.assumedSamplesPerSecondPerGpu;
    return { source: 'assumed', gflopsPerSecondPerGpu: samples * perSample, samplesPerSecondPerGpu: samples, detail: `entered for this step: ${formatRate(samples)} samples/s per GPU`, runKeys: [] };
  }
  const gpu = findGpuType(need.gpuType);
  if (gpu) {
    const rate = assumedGflopsPerSecond(gpu);
    return {
      source: 'gpu_type',
      gflopsPerSecondPerGpu: rate,
      samplesPerSecondPerGpu: rate / perSample,
      detail: `assumed for ${gpu.name}: ${gpu.peakTflops} TFLOPS peak × ${REFERENCE_UTILISATION_SOURCE}`,
      runKeys: [],
    };
  }
  return null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function formatRate(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(3)));
}

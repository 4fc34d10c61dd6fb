/**
 * The diagnostics' thresholds: a default for each, the reason for that default (shown in
 * docs/DIAGNOSTICS.md and next to the setting), the range an override may take, and the zod schema a
 * project's overrides (`Project.diagnosticThresholds`) are validated with. Overrides are stored by
 * name; a name this file does not define is refused, never silently kept.
 */
import { z } from 'zod';

interface ThresholdSpec {
  default: number;
  min: number;
  max: number;
  integer?: boolean;
  unit: string;
  /** Why this default: what a healthy run shows and what the threshold separates it from. */
  reason: string;
}

export const THRESHOLD_SPECS = {
  dataBottleneckRatio: {
    default: 0.2,
    min: 0.01,
    max: 1,
    unit: 'fraction of step time',
    reason:
      "OpenCLIP's Data (t) is the time a step waited for the loader, and Batch (t) includes it. A healthy run prefetches and waits a few percent (LOG_FORMATS' example: 0.021 s of 0.415 s, 5%); above a fifth, the GPUs idle for a fifth of the run.",
  },
  dataBottleneckHighRatio: {
    default: 0.5,
    min: 0.01,
    max: 1,
    unit: 'fraction of step time',
    reason: 'Waiting for data for half of every step halves throughput: the run costs twice the GPU-hours it should.',
  },
  dataBottleneckMinPoints: {
    default: 5,
    min: 2,
    max: 1000,
    integer: true,
    unit: 'consecutive log lines',
    reason:
      "The first line of every epoch and of every resumed launch covers one step including start-up (Data (t) 3.9 s of 9.9 s in LOG_FORMATS' example); five lines in a row at the default --log-every-n-steps of 100 is 500 steps, which start-up never explains.",
  },
  lossSpikeRatio: {
    default: 1.5,
    min: 1.05,
    max: 100,
    unit: '× rolling median',
    reason:
      'The logged Loss is the value of one step, so it is noisy, but a contrastive loss falls monotonically on average; half again above the median of the previous points is well outside step-to-step noise, and a falling loss never triggers it.',
  },
  lossSpikeWindow: {
    default: 20,
    min: 5,
    max: 1000,
    integer: true,
    unit: 'log lines',
    reason: 'Twenty lines give a median that ignores a single bad value yet follows the loss as it falls.',
  },
  logitScaleClamp: {
    default: 100,
    min: 1,
    max: 10000,
    unit: 'logit scale',
    reason: 'OpenCLIP clamps the learned logit scale to ln(100), so the logged value cannot exceed 100.',
  },
  logitScalePinnedMargin: {
    default: 0.05,
    min: 0,
    max: 50,
    unit: 'below the clamp',
    reason: 'The log prints the scale with three decimals (100.000); 0.05 absorbs rounding but not a scale that is still climbing.',
  },
  logitScalePinnedMinPoints: {
    default: 5,
    min: 1,
    max: 1000,
    integer: true,
    unit: 'consecutive log lines',
    reason: 'A scale that touches the clamp once and falls back is not pinned.',
  },
  logitScaleEarlyFraction: {
    default: 0.2,
    min: 0,
    max: 1,
    unit: 'fraction of planned samples',
    reason:
      'Long CLIP runs commonly reach the clamp late in training, which is harmless; reaching it within the first fifth of the planned samples means the temperature shot up early, which often comes with an unstable run.',
  },
  throughputDropRatio: {
    default: 0.25,
    min: 0.01,
    max: 1,
    unit: 'fraction below the run median',
    reason:
      'Samples/s per GPU varies by a few percent between log lines on a healthy run; a sustained quarter below the run\'s own median is a slower node, thermal throttling, a loader stall or another job on the GPUs.',
  },
  throughputHighDropRatio: {
    default: 0.5,
    min: 0.01,
    max: 1,
    unit: 'fraction below the run median',
    reason: 'At half speed the run takes twice as long; that is worth stopping for.',
  },
  throughputMinPoints: {
    default: 5,
    min: 2,
    max: 1000,
    integer: true,
    unit: 'consecutive log lines',
    reason: "The first line of each epoch and launch reports one step including start-up (25.9 samples/s/gpu against 621 in LOG_FORMATS' example); only a sustained drop counts.",
  },
  peerThroughputDropRatio: {
    default: 0.25,
    min: 0.01,
    max: 1,
    unit: 'fraction below the peers',
    reason: 'Runs of the same model on the same number of GPUs should train at about the same speed per GPU; a quarter slower points at different hardware, precision or data loading.',
  },
  samplesSeenTolerance: {
    default: 0.05,
    min: 0,
    max: 1,
    unit: 'relative difference',
    reason:
      'Papers round sample counts ("12.8B" is 12,811,670,000 in the JAX config; "128M" is 131,072,000) and webdataset rounds an epoch up to whole batches; 5% absorbs both, a different schedule does not fit in it.',
  },
  warmupTolerance: {
    default: 0.5,
    min: 0,
    max: 10,
    unit: 'relative difference',
    reason: 'Warm-up is compared in samples (steps × global batch) because batch sizes differ between labs; within ±50% the schedule is the same in practice.',
  },
} as const satisfies Record<string, ThresholdSpec>;

export type ThresholdName = keyof typeof THRESHOLD_SPECS;
export type Thresholds = Record<ThresholdName, number>;

export const THRESHOLD_NAMES = Object.keys(THRESHOLD_SPECS) as ThresholdName[];

export const DEFAULT_THRESHOLDS: Thresholds = Object.fromEntries(THRESHOLD_NAMES.map((name) => [name, THRESHOLD_SPECS[name].default])) as Thresholds;

function thresholdValueSchema(name: ThresholdName) {
  const spec: ThresholdSpec = THRESHOLD_SPECS[name];
  const number = spec.integer ? z.number().int(`${name} must be a whole number`) : z.number();
  return number.min(spec.min, `${name} must be at least ${spec.min}`).max(spec.max, `${name} must be at most ${spec.max}`);
}

/**
 * A project's overrides as the API takes them: any subset of the thresholds; `null` resets one to
 * its default (JSON merge patch). An unknown name is refused with the names that exist.
 */
export const thresholdOverridesPatchSchema = z.strictObject(
  Object.fromEntries(THRESHOLD_NAMES.map((name) => [name, thresholdValueSchema(name).nullable().optional()])) as Record<
    ThresholdName,
    z.ZodOptional<z.ZodNullable<z.ZodNumber>>
  >,
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown threshold ${issue.keys.map((key) => `"${key}"`).join(', ')}; known thresholds: ${THRESHOLD_NAMES.join(', ')}`
        : undefined,
  },
);
export type ThresholdOverridesPatch = z.infer<typeof thresholdOverridesPatchSchema>;

/** Stored overrides: numbers only. */
export type ThresholdOverrides = Partial<Thresholds>;

/** The valid overrides in a stored value; anything else (a threshold removed since, a bad value) is dropped. */
export function readThresholdOverrides(stored: unknown): ThresholdOverrides {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const overrides: ThresholdOverrides = {};
  for (const name of THRESHOLD_NAMES) {
    if (!Object.hasOwn(stored, name)) continue;
    const parsed = thresholdValueSchema(name).safeParse((stored as Record<string, unknown>)[name]);
    if (parsed.success) overrides[name] = parsed.data;
  }
  return overrides;
}

/** Applies a patch to stored overrides: numbers set, `null` removes (back to the default). */
export function mergeThresholdOverrides(stored: unknown, patch: ThresholdOverridesPatch): ThresholdOverrides {
  const next = readThresholdOverrides(stored);
  for (const name of THRESHOLD_NAMES) {
    const value = patch[name];
    if (value === null) delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  return next;
}

export function resolveThresholds(overrides: ThresholdOverrides = {}): Thresholds {
  return { ...DEFAULT_THRESHOLDS, ...overrides };
}

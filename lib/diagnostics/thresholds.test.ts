import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  mergeThresholdOverrides,
  readThresholdOverrides,
  resolveThresholds,
  THRESHOLD_NAMES,
  THRESHOLD_SPECS,
  thresholdOverridesPatchSchema,
} from './thresholds';

describe('thresholds', () => {
  it('gives every threshold a default inside its own range and a reason', () => {
    for (const name of THRESHOLD_NAMES) {
      const spec = THRESHOLD_SPECS[name];
      expect(spec.default, name).toBeGreaterThanOrEqual(spec.min);
      expect(spec.default, name).toBeLessThanOrEqual(spec.max);
      expect(spec.reason.length, name).toBeGreaterThan(40);
    }
    expect(DEFAULT_THRESHOLDS.dataBottleneckRatio).toBe(0.2);
  });

  it('accepts a subset of known names, with null meaning "back to the default"', () => {
    expect(thresholdOverridesPatchSchema.parse({ dataBottleneckRatio: 0.3, lossSpikeRatio: null })).toEqual({ dataBottleneckRatio: 0.3, lossSpikeRatio: null });
  });

  it('refuses an unknown name, naming it and the names that exist', () => {
    const result = thresholdOverridesPatchSchema.safeParse({ dataBottleneck: 0.3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^unknown threshold "dataBottleneck"; known thresholds: dataBottleneckRatio, /);
  });

  it('refuses values outside the range and fractional counts', () => {
    expect(thresholdOverridesPatchSchema.safeParse({ dataBottleneckRatio: 1.5 }).error?.issues[0]).toMatchObject({ path: ['dataBottleneckRatio'], message: 'dataBottleneckRatio must be at most 1' });
    expect(thresholdOverridesPatchSchema.safeParse({ dataBottleneckMinPoints: 2.5 }).success).toBe(false);
  });

  it('merges a patch into stored overrides and drops stored values that are no longer valid', () => {
    const stored = { dataBottleneckRatio: 0.3, lossSpikeRatio: 2, removedLongAgo: 7, throughputDropRatio: 'x' };
    expect(readThresholdOverrides(stored)).toEqual({ dataBottleneckRatio: 0.3, lossSpikeRatio: 2 });
    expect(mergeThresholdOverrides(stored, { lossSpikeRatio: null, throughputDropRatio: 0.4 })).toEqual({ dataBottleneckRatio: 0.3, throughputDropRatio: 0.4 });
    expect(readThresholdOverrides(null)).toEqual({});
    expect(resolveThresholds({ dataBottleneckRatio: 0.3 })).toEqual({ ...DEFAULT_THRESHOLDS, dataBottleneckRatio: 0.3 });
  });
});

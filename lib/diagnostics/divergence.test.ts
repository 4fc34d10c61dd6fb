import { describe, expect, it } from 'vitest';
import { repeat, seriesOf } from './diagnostics-test-helpers';
import { diagnoseLogitScalePinned, diagnoseLossSpikes, diagnoseNonFiniteLoss, pickLossKey } from './divergence';
import { DEFAULT_THRESHOLDS } from './thresholds';

/** A contrastive loss falling from 6.9 towards 2 with ±2% noise. */
const falling = (count: number) => Array.from({ length: count }, (_, index) => 2 + 4.9 * Math.exp(-index / 10) * (1 + (index % 2 === 0 ? 0.02 : -0.02)));

describe('non-finite loss', () => {
  it('stays silent on a finite loss', () => {
    expect(diagnoseNonFiniteLoss('train/loss', seriesOf(falling(30)))).toBeNull();
  });

  it('fires high at the first NaN, with the last finite value and the range to the last NaN', () => {
    const finding = diagnoseNonFiniteLoss('train/loss', seriesOf([6.9, 6.1, 5.4, NaN, NaN, NaN]));
    expect(finding).toMatchObject({
      code: 'loss_non_finite',
      severity: 'high',
      evidence: { metric: 'train/loss', fromStep: 300, toStep: 600, values: { firstNonFiniteStep: 400, firstNonFiniteValue: 'NaN', lastFiniteValue: 5.4, nonFinitePoints: 3 } },
    });
    expect(finding!.summary).toBe('train/loss became NaN at step 400 (last finite value 5.4 at step 300); 3 non-finite values to the end of the log.');
  });

  it('says when the loss came back, and handles inf at the very first point', () => {
    expect(diagnoseNonFiniteLoss('train/loss', seriesOf([6.9, Infinity, 6.0]))!.summary).toMatch(/became inf at step 200 .*1 non-finite value, then finite again\.$/);
    expect(diagnoseNonFiniteLoss('train/loss', seriesOf([-Infinity, 6.0]))!.evidence).toMatchObject({ fromStep: 100, toStep: 100 });
  });

  it('picks train/loss, else another train loss key', () => {
    expect(pickLossKey(['train/lr', 'train/contrastive_loss', 'train/loss'])).toBe('train/loss');
    expect(pickLossKey(['train/lr', 'train/contrastive_loss'])).toBe('train/contrastive_loss');
    expect(pickLossKey(['train/lr'])).toBeNull();
  });
});

describe('loss spikes', () => {
  it('stays silent on a falling, noisy loss', () => {
    expect(diagnoseLossSpikes('train/loss', seriesOf(falling(60)), DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('fires on a value well above the running median and points at the largest spike', () => {
    const values = [...repeat(3, 25), 4.8, ...repeat(3, 10), 7.5, ...repeat(3, 10)];
    const finding = diagnoseLossSpikes('train/loss', seriesOf(values), DEFAULT_THRESHOLDS);
    expect(finding).toMatchObject({ code: 'loss_spike', severity: 'medium', evidence: { metric: 'train/loss', values: { spikes: 2, largestStep: 3700, largestValue: 7.5, runningMedian: 3, ratio: 2.5 } } });
    expect(finding!.evidence).toMatchObject({ fromStep: 3200, toStep: 4200 });
  });

  it('fires strictly above lossSpikeRatio × the median', () => {
    expect(diagnoseLossSpikes('train/loss', seriesOf([...repeat(2, 10), 3, ...repeat(2, 5)]), DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseLossSpikes('train/loss', seriesOf([...repeat(2, 10), 3.01, ...repeat(2, 5)]), DEFAULT_THRESHOLDS)).not.toBeNull();
  });

  it('needs five earlier values and skips NaNs', () => {
    expect(diagnoseLossSpikes('train/loss', seriesOf([2, 2, 2, 2, 9]), DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseLossSpikes('train/loss', seriesOf([...repeat(2, 6), NaN, NaN]), DEFAULT_THRESHOLDS)).toBeNull();
  });
});

describe('logit scale pinned at the clamp', () => {
  const plan = { plannedSamples: 100 * 1024 * 100, epochs: 10 };
  const climbing = (pinnedFrom: number, count: number) => Array.from({ length: count }, (_, index) => (index >= pinnedFrom ? 100 : 14.286 + index));

  it('stays silent while the scale is below the clamp', () => {
    expect(diagnoseLogitScalePinned(seriesOf(climbing(1000, 50)), plan, DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('fires when the scale pins early in the planned training', () => {
    // Steps 100…; 1,024 samples per step; pinned from step 1,100, 11% of the 10,240,000 planned samples.
    const finding = diagnoseLogitScalePinned(seriesOf(climbing(10, 50)), plan, DEFAULT_THRESHOLDS);
    expect(finding).toMatchObject({ code: 'logit_scale_pinned', severity: 'medium', evidence: { metric: 'train/logit_scale', fromStep: 1100, toStep: 5000, values: { progress: 0.11, pinnedLines: 40 } } });
  });

  it('stays silent when the clamp is reached late (normal for long runs) or the plan is unknown', () => {
    expect(diagnoseLogitScalePinned(seriesOf(climbing(30, 50)), plan, DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseLogitScalePinned(seriesOf(climbing(10, 50)), { plannedSamples: null, epochs: null }, DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('needs logitScalePinnedMinPoints lines at the clamp (99.96 counts, 99.9 does not)', () => {
    const touch = [...repeat(50, 5), ...repeat(99.96, 4), ...repeat(80, 20)];
    expect(diagnoseLogitScalePinned(seriesOf(touch), plan, DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseLogitScalePinned(seriesOf([...repeat(50, 5), ...repeat(99.96, 5), ...repeat(80, 20)]), plan, DEFAULT_THRESHOLDS)).not.toBeNull();
    expect(diagnoseLogitScalePinned(seriesOf([...repeat(50, 5), ...repeat(99.9, 20)]), plan, DEFAULT_THRESHOLDS)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { diagnoseDataBottleneck } from './data-bottleneck';
import { repeat, seriesOf } from './diagnostics-test-helpers';
import { DEFAULT_THRESHOLDS } from './thresholds';

const batch = (count: number) => seriesOf(repeat(0.4, count));

describe('data bottleneck', () => {
  it('stays silent on a clean run (data time ~5% of batch time)', () => {
    expect(diagnoseDataBottleneck(seriesOf(repeat(0.02, 30)), batch(30), DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('fires on a sustained window, naming its steps and the fraction of time lost', () => {
    const data = [...repeat(0.02, 10), ...repeat(0.16, 6), ...repeat(0.02, 14)];
    const finding = diagnoseDataBottleneck(seriesOf(data), batch(30), DEFAULT_THRESHOLDS);
    expect(finding).toMatchObject({ code: 'data_bottleneck', severity: 'medium', evidence: { metric: 'train/data_time', fromStep: 1100, toStep: 1600 } });
    expect(finding!.evidence.values).toMatchObject({ windowFractionLost: 0.4, windowLines: 6 });
    // (6 × 0.16 + 24 × 0.02) / (30 × 0.4) = 0.12
    expect(finding!.evidence.values!.runFractionLost).toBeCloseTo(0.12, 3);
    expect(finding!.summary).toBe("Waiting for data took 40% of step time over steps 1,100–1,600 (6 log lines); 12% of the run's training time went to waiting for data.");
  });

  it('is high when the loader takes half of every step or more', () => {
    const data = [...repeat(0.02, 5), ...repeat(0.2, 8), ...repeat(0.02, 5)];
    expect(diagnoseDataBottleneck(seriesOf(data), batch(18), DEFAULT_THRESHOLDS)?.severity).toBe('high');
  });

  it('needs dataBottleneckMinPoints consecutive lines: 4 stay silent, 5 fire', () => {
    const withWindow = (length: number) => [...repeat(0.02, 10), ...repeat(0.2, length), ...repeat(0.02, 10)];
    expect(diagnoseDataBottleneck(seriesOf(withWindow(4)), batch(24), DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseDataBottleneck(seriesOf(withWindow(5)), batch(25), DEFAULT_THRESHOLDS)).not.toBeNull();
  });

  it('fires strictly above the ratio threshold', () => {
    expect(diagnoseDataBottleneck(seriesOf(repeat(0.08, 10)), batch(10), DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseDataBottleneck(seriesOf(repeat(0.081, 10)), batch(10), DEFAULT_THRESHOLDS)).not.toBeNull();
    expect(diagnoseDataBottleneck(seriesOf(repeat(0.081, 10)), batch(10), { ...DEFAULT_THRESHOLDS, dataBottleneckRatio: 0.3 })).toBeNull();
  });

  it('ignores the slow first line of every epoch (one step with start-up)', () => {
    const data = Array.from({ length: 40 }, (_, index) => (index % 10 === 0 ? 3.9 : 0.02));
    const batchTimes = Array.from({ length: 40 }, (_, index) => (index % 10 === 0 ? 9.8 : 0.4));
    expect(diagnoseDataBottleneck(seriesOf(data), seriesOf(batchTimes), DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('only pairs values logged at the same steps, and says nothing without enough of them', () => {
    expect(diagnoseDataBottleneck(seriesOf(repeat(0.3, 10)), seriesOf(repeat(0.4, 10), { start: 150 }), DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseDataBottleneck([], [], DEFAULT_THRESHOLDS)).toBeNull();
  });
});

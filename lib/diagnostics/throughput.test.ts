import { describe, expect, it } from 'vitest';
import { repeat, seriesOf } from './diagnostics-test-helpers';
import { diagnoseThroughputBelowPeers, diagnoseThroughputDrop, typicalThroughput } from './throughput';
import { DEFAULT_THRESHOLDS } from './thresholds';

/** 620 samples/s/gpu ± 3%, as a healthy run logs it. */
const healthy = (count: number) => Array.from({ length: count }, (_, index) => 620 * (1 + ((index * 7) % 5 - 2) * 0.015));

describe('throughput drop against the run itself', () => {
  it('stays silent on a steady run, including the slow first line of each epoch', () => {
    const values = healthy(60).map((value, index) => (index % 15 === 0 ? 25.9 : value));
    expect(diagnoseThroughputDrop(seriesOf(values), DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('fires on a sustained drop, naming the window and its median against the run median', () => {
    const values = [...healthy(20), ...repeat(400, 8), ...healthy(20)];
    const finding = diagnoseThroughputDrop(seriesOf(values), DEFAULT_THRESHOLDS);
    expect(finding).toMatchObject({ code: 'throughput_drop', severity: 'medium', evidence: { metric: 'train/samples_per_second_per_gpu', fromStep: 2100, toStep: 2800, values: { windowMedian: 400, windowLines: 8 } } });
    expect(finding!.evidence.values!.drop).toBeGreaterThan(0.3);
  });

  it('is high at half speed or worse', () => {
    expect(diagnoseThroughputDrop(seriesOf([...healthy(20), ...repeat(250, 8), ...healthy(20)]), DEFAULT_THRESHOLDS)?.severity).toBe('high');
  });

  it('needs throughputMinPoints consecutive slow lines (4 silent, 5 fire)', () => {
    expect(diagnoseThroughputDrop(seriesOf([...healthy(20), ...repeat(400, 4), ...healthy(20)]), DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseThroughputDrop(seriesOf([...healthy(20), ...repeat(400, 5), ...healthy(20)]), DEFAULT_THRESHOLDS)).not.toBeNull();
  });

  it('fires only below (1 − throughputDropRatio) × the median', () => {
    expect(diagnoseThroughputDrop(seriesOf([...repeat(600, 20), ...repeat(451, 6)]), DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseThroughputDrop(seriesOf([...repeat(600, 20), ...repeat(449, 6)]), DEFAULT_THRESHOLDS)).not.toBeNull();
  });

  it('says nothing about a series too short to have a median', () => {
    expect(diagnoseThroughputDrop(seriesOf([600, 600, 100, 100, 100]), DEFAULT_THRESHOLDS)).toBeNull();
  });
});

describe('throughput against other runs of the same model and GPU count', () => {
  it('fires when the run is well below its peers', () => {
    const finding = diagnoseThroughputBelowPeers(seriesOf(repeat(400, 20)), [{ runKey: 'a', medianPerGpu: 610 }, { runKey: 'b', medianPerGpu: 630 }], DEFAULT_THRESHOLDS);
    expect(finding).toMatchObject({ code: 'throughput_below_peers', severity: 'low', evidence: { values: { runMedian: 400, peerMedian: 620, peers: 2 }, lines: ['a: 610 samples/s per GPU', 'b: 630 samples/s per GPU'] } });
  });

  it('stays silent within the ratio, without peers, or without enough own points', () => {
    expect(diagnoseThroughputBelowPeers(seriesOf(repeat(500, 20)), [{ runKey: 'a', medianPerGpu: 620 }], DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseThroughputBelowPeers(seriesOf(repeat(400, 20)), [], DEFAULT_THRESHOLDS)).toBeNull();
    expect(diagnoseThroughputBelowPeers(seriesOf(repeat(400, 3)), [{ runKey: 'a', medianPerGpu: 620 }], DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('reduces a series to the median of its finite positive values', () => {
    expect(typicalThroughput(seriesOf([600, NaN, 0, 620, 640, 610, 630]), 5)).toBe(620);
  });
});

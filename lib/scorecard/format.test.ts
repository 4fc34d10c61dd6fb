import { describe, expect, it } from 'vitest';
import { formatEtaIn, formatGap, formatPercent, formatSchedule } from './format';

describe('scorecard formats', () => {
  it('prints percentages with one decimal, or two where the source has them', () => {
    expect(formatPercent(81.8)).toBe('81.8%');
    expect(formatPercent(81)).toBe('81.0%');
    expect(formatPercent(81.52)).toBe('81.52%');
    expect(formatPercent(81.72000000000001)).toBe('81.72%');
    expect(formatPercent(null)).toBe('—');
  });

  it('prints signed gaps in percentage points', () => {
    expect(formatGap(0.3)).toBe('+0.3 pp');
    expect(formatGap(-1.2)).toBe('−1.2 pp');
    expect(formatGap(-0.28)).toBe('−0.28 pp');
    expect(formatGap(0)).toBe('±0.0 pp');
    expect(formatGap(null)).toBe('—');
  });

  it('summarises a schedule from the stated samples and sizes', () => {
    const none = { samplesSeen: null, pretrainImageRes: null, textTokenLen: null, finetuneSamplesSeen: null, totalSamplesSeen: null };
    expect(formatSchedule({ ...none, samplesSeen: 12.8e9, pretrainImageRes: 84, textTokenLen: 8, finetuneSamplesSeen: 640e6, totalSamplesSeen: 13.44e9 })).toBe(
      '12.8B@84 px, 8 text tokens + 640M fine-tuning',
    );
    expect(formatSchedule({ ...none, pretrainImageRes: 112, textTokenLen: 16 })).toBe('112 px, 16 text tokens');
    expect(formatSchedule({ ...none, samplesSeen: 32e9, pretrainImageRes: 224 })).toBe('32B@224 px');
    expect(formatSchedule({ ...none, totalSamplesSeen: 39e9 })).toBe('39B samples');
    expect(formatSchedule(none)).toBe('');
  });

  it('says when a run will be done', () => {
    expect(formatEtaIn(0)).toBe('any moment');
    expect(formatEtaIn(3 * 3600)).toBe('in 3 h');
    expect(formatEtaIn(50 * 3600)).toBe('in 2 days');
  });
});

import { describe, expect, it } from 'vitest';
import { assignSeriesColors, SERIES_PALETTE } from './series-colors';

describe('assignSeriesColors', () => {
  it('gives a key the same colour whatever else is in the chart, when its slot is free', () => {
    const alone = assignSeriesColors(['train/loss']).get('train/loss');
    const withOthers = assignSeriesColors(['train/contrastive_loss', 'train/loss', 'train/distill_loss']).get('train/loss');
    expect(alone).toBe(SERIES_PALETTE[0]);
    expect(withOthers).toBe(alone);
  });

  it('never gives two lines of one chart the same colour', () => {
    const keys = Array.from({ length: SERIES_PALETTE.length }, (_, index) => `val/metric_${index}`);
    const colors = assignSeriesColors(keys);
    expect(new Set(colors.values()).size).toBe(keys.length);
  });

  it('is independent of input order', () => {
    const a = assignSeriesColors(['val/a', 'val/b', 'val/c']);
    const b = assignSeriesColors(['val/c', 'val/a', 'val/b']);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { formatPrice, prepareAccountingRows } from './paper-accounting-rows';
import { chartData, paperPoint, runPoint } from './paper-chart-test-helpers';

describe('prepareAccountingRows', () => {
  it("shows runs' measured GPU-hours and cost at the project price, and the paper's compute as printed", () => {
    const data = chartData({
      gpuHourPriceUsd: 1.575,
      runPoints: [runPoint('h14', { gpuHours: 160, wallSeconds: 72_000, gpus: 8, costUsd: 252, trainingGflops: 2.4e12 }), runPoint('bare', { gpuHours: null, gpuHoursNote: 'fewer than two timestamped points', costUsd: null, trainingGflops: null, computeNote: 'no params.txt uploaded', samplesSeen: null })],
      paperPoints: [
        paperPoint('h14-336', { trainingGflops: 2.553e12 }),
        paperPoint('t1', { paperGpuHours: null, paperCostUsd: null, paperPrintedCompute: { asPrinted: 4, printedUnit: 'GFLOPs × samples (1e11)', conversion: 'clipaTable1ComputeToTrainingGflops', trainingGflops: 2.4e12 }, wallclock: '~4 days on 8 A100' }),
      ],
    });
    const [run, bare, paper, table1] = prepareAccountingRows(data, null);
    expect(run).toMatchObject({ kind: 'run', samplesSeen: '2B', trainingGflops: '2.4e12', gpuHours: '160', gpuHoursBasis: 'measured: 20.0 h wall time × 8 GPUs', cost: '$252', costBasis: 'at $1.575 per GPU-hour' });
    expect(bare).toMatchObject({ samplesSeen: '—', trainingGflops: '— no params.txt uploaded', gpuHours: '— fewer than two timestamped points', cost: '—' });
    expect(paper).toMatchObject({ kind: 'paper', source: 'CLIPA-v2 (reported, main)', samplesSeen: '13.4B', trainingGflops: '2.55e12', gpuHours: '8,640', gpuHoursBasis: 'as printed: A100-80GB hours, estimated', cost: '$13,613', costBasis: 'as printed', printedCompute: '—' });
    expect(table1!.printedCompute).toBe('4 × GFLOPs × samples (1e11) → 2.4e12 training GFLOPs (clipaTable1ComputeToTrainingGflops); wall clock: ~4 days on 8 A100');
    expect(prepareAccountingRows(data, ['bare']).map((row) => row.name)).toEqual(['bare', paper!.name, table1!.name]);
    expect(formatPrice(2)).toBe('$2.00 per GPU-hour');
  });
});

/** Builders of PaperChartData for the preparer tests: defaults that draw, overridden per test. */
import type { PaperChartData, PaperChartPaperPoint, PaperChartRunPoint } from '@/lib/schemas/paper-charts';

export function paperPoint(resultKey: string, overrides: Partial<PaperChartPaperPoint> = {}): PaperChartPaperPoint {
  return {
    resultKey,
    paperId: 'clipa-v2',
    model: 'H/14',
    label: `H/14 · DataComp-1B · ${resultKey}`,
    value: 81.8,
    source: 'CLIPA-v2 paper, Table 4',
    resultType: 'main',
    pretrainDataset: 'DataComp-1B',
    samplesSeen: 13.44e9,
    trainingGflops: 2.55e12,
    computeNote: null,
    imageTokens: 36,
    imageResolution: 84,
    textTokens: 8,
    paperGpuHours: 8640,
    paperGpuHoursBasis: 'A100-80GB hours, estimated',
    paperCostUsd: 13613,
    paperPrintedCompute: null,
    wallclock: null,
    isPrimary: true,
    ...overrides,
  };
}

export function runPoint(runKey: string, overrides: Partial<PaperChartRunPoint> = {}): PaperChartRunPoint {
  return {
    runKey,
    runName: runKey,
    status: 'finished',
    model: 'ViT-H-14-CL8-SyntaxMask-GAP',
    value: 74.5,
    valueKey: 'val/imagenet-zeroshot-val-top1',
    valueNote: null,
    samplesSeen: 2e9,
    trainingGflops: 3e11,
    computeNote: null,
    gpus: 8,
    wallSeconds: 72_000,
    gpuHours: 160,
    gpuHoursNote: null,
    costUsd: 252,
    imageTokens: 36,
    imageResolution: 84,
    textTokens: 8,
    linkedResultKey: null,
    ...overrides,
  };
}

export function chartData(overrides: Partial<PaperChartData> = {}): PaperChartData {
  return {
    paper: { id: 'clipa-v2', shortName: 'CLIPA-v2', title: 'CLIPA-v2' },
    metric: { name: 'zeroshot_in1k_top1', label: 'Zero-shot ImageNet-1k top-1', unit: '%' },
    availableMetrics: [{ name: 'zeroshot_in1k_top1', label: 'Zero-shot ImageNet-1k top-1', unit: '%' }],
    computeUnit: 'training GFLOPs (fwd+bwd, 2 FLOPs per MAC)',
    gpuHourPriceUsd: 1.575,
    paperPoints: [],
    runPoints: [],
    links: [],
    scalingLaws: [],
    ...overrides,
  };
}

/**
 * The compute-accounting table under the paper charts, as display rows: per run and per paper result,
 * samples seen, training GFLOPs (our accounting, one unit), GPU-hours and cost. A run's GPU-hours are
 * measured (wall time × GPUs) and its cost is at the project's price; a paper's are as printed, with
 * their basis, and its own compute statement is shown as printed next to our conversion of it.
 */
import type { PaperChartData } from '@/lib/schemas/paper-charts';
import { formatAxisValue } from './paper-axis';
import { selectRuns } from './paper-chart-points';
import { formatCount } from './format';

export interface AccountingRow {
  key: string;
  kind: 'run' | 'paper';
  name: string;
  source: string;
  samplesSeen: string;
  trainingGflops: string;
  gpuHours: string;
  gpuHoursBasis: string;
  cost: string;
  costBasis: string;
  printedCompute: string;
}

const DASH = '—';
const usd = (value: number) => `$${value.toLocaleString('en-US', { minimumFractionDigits: value < 100 ? 2 : 0, maximumFractionDigits: value < 100 ? 2 : 0 })}`;
const hours = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2));

export function formatPrice(pricePerGpuHour: number): string {
  return `$${pricePerGpuHour.toFixed(3).replace(/0$/, '')} per GPU-hour`;
}

export function prepareAccountingRows(data: PaperChartData, selectedRunKeys: readonly string[] | null): AccountingRow[] {
  const runs = selectRuns(data.runPoints, selectedRunKeys).map((run): AccountingRow => ({
    key: `run:${run.runKey}`,
    kind: 'run',
    name: run.runName,
    source: `run (${run.status})`,
    samplesSeen: run.samplesSeen === null ? DASH : formatCount(run.samplesSeen),
    trainingGflops: run.trainingGflops === null ? `${DASH} ${run.computeNote ?? ''}`.trim() : formatAxisValue('scientific', run.trainingGflops),
    gpuHours: run.gpuHours === null ? `${DASH} ${run.gpuHoursNote ?? ''}`.trim() : hours(run.gpuHours),
    gpuHoursBasis: run.gpuHours === null || run.wallSeconds === null ? '' : `measured: ${hours(run.wallSeconds / 3600)} h wall time × ${run.gpus} GPUs`,
    cost: run.costUsd === null ? DASH : usd(run.costUsd),
    costBasis: run.costUsd === null ? '' : `at ${formatPrice(data.gpuHourPriceUsd)}`,
    printedCompute: DASH,
  }));
  const papers = data.paperPoints.map((point): AccountingRow => {
    const printed = point.paperPrintedCompute;
    const statements = [
      printed ? `${printed.asPrinted} × ${printed.printedUnit} → ${formatAxisValue('scientific', printed.trainingGflops)} training GFLOPs (${printed.conversion})` : null,
      point.wallclock ? `wall clock: ${point.wallclock}` : null,
    ].filter((text): text is string => text !== null);
    return {
      key: `paper:${point.resultKey}`,
      kind: 'paper',
      name: point.label,
      source: `${data.paper?.shortName ?? 'paper'} (reported, ${point.resultType})`,
      samplesSeen: point.samplesSeen === null ? DASH : formatCount(point.samplesSeen),
      trainingGflops: point.trainingGflops === null ? `${DASH} ${point.computeNote ?? ''}`.trim() : formatAxisValue('scientific', point.trainingGflops),
      gpuHours: point.paperGpuHours === null ? DASH : hours(point.paperGpuHours),
      gpuHoursBasis: point.paperGpuHours === null ? '' : `as printed: ${point.paperGpuHoursBasis ?? 'basis not stated'}`,
      cost: point.paperCostUsd === null ? DASH : usd(point.paperCostUsd),
      costBasis: point.paperCostUsd === null ? '' : 'as printed',
      printedCompute: statements.length > 0 ? statements.join('; ') : DASH,
    };
  });
  return [...runs, ...papers];
}

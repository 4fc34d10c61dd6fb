import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatPrice, prepareAccountingRows } from '@/lib/charts/paper-accounting-rows';
import type { PaperChartData } from '@/lib/schemas/paper-charts';

/** Per run and per paper result: samples, our training GFLOPs, GPU-hours with basis, cost, the paper's own compute as printed. */
export function ComputeAccountingTable({ data, selectedRunKeys, slug }: { data: PaperChartData; selectedRunKeys: readonly string[] | null; slug: string }) {
  const rows = prepareAccountingRows(data, selectedRunKeys);
  return (
    <Card title="Compute accounting">
      <p className="px-4 pt-3 text-xs text-zinc-500" data-testid="price-note">
        Training compute is our accounting in {data.computeUnit}. Run GPU-hours are wall time (first to last logged point) × GPUs, and run cost is at{' '}
        {formatPrice(data.gpuHourPriceUsd)}, the project&apos;s <code className="font-mono">gpuHourPriceUsd</code> setting (change it with{' '}
        <code className="font-mono">PATCH /api/v1/projects/{slug}</code> and <code className="font-mono">{'{"gpuHourPriceUsd": …}'}</code>). Paper GPU-hours and costs are as printed; their bases differ.
      </p>
      <Table label="Compute accounting">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Source</Th>
            <Th numeric>Samples seen</Th>
            <Th numeric className="w-44 whitespace-normal">
              Training GFLOPs
              <span className="block font-normal normal-case tracking-normal">{data.computeUnit}</span>
            </Th>
            <Th numeric>GPU-hours</Th>
            <Th numeric>Cost (USD)</Th>
            <Th>Paper&apos;s own compute (as printed)</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row-kind={row.kind}>
              <Td className="min-w-44 font-medium text-zinc-900">{row.name}</Td>
              <Td className="text-xs">{row.source}</Td>
              <Td numeric>{row.samplesSeen}</Td>
              <Td numeric className="max-w-56 whitespace-normal">{row.trainingGflops}</Td>
              <Td numeric className="min-w-60">
                {row.gpuHours}
                {row.gpuHoursBasis && <span className="block text-xs text-zinc-500">{row.gpuHoursBasis}</span>}
              </Td>
              <Td numeric className="min-w-36">
                {row.cost}
                {row.costBasis && <span className="block text-xs text-zinc-500">{row.costBasis}</span>}
              </Td>
              <Td className="max-w-72 text-xs">{row.printedCompute}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

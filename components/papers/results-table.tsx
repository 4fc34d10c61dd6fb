import { Table, Th } from '@/components/ui/table';
import { getCanonicalMetric } from '@/lib/metrics/canonical-metrics';
import type { ResultGroup } from '@/lib/schemas/papers';
import { metricColumnsOf } from './filter-results';
import { ResultRow } from './result-row';

/** Fixed columns besides one per metric: model, source, data, samples, schedule, eval res, compute, cost, tolerance. */
const FIXED_COLUMNS = 9;

/** A paper's results, one row per result_key (its primary source), with one column per metric any shown row gives. */
export function ResultsTable({ paperId, groups }: { paperId: string; groups: readonly ResultGroup[] }) {
  const metricColumns = metricColumnsOf(groups);
  return (
    <Table label="Reported results">
      <thead>
        <tr>
          <Th className="sticky left-0 z-10">Model</Th>
          <Th>Source</Th>
          <Th>Data</Th>
          <Th numeric>Samples seen</Th>
          <Th>Schedule</Th>
          <Th numeric>Eval res</Th>
          {metricColumns.map((name) => {
            const metric = getCanonicalMetric(name);
            return (
              <Th key={name} numeric title={`${metric.label} (%)`}>
                {metric.shortLabel} %
              </Th>
            );
          })}
          <Th numeric title="Compute as the source states it; GPU-hour bases differ between sources and are not comparable">Compute</Th>
          <Th numeric>Cost</Th>
          <Th numeric title="Allowed difference from the reported number, in percentage points">
            Tolerance
          </Th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <ResultRow key={group.resultKey} paperId={paperId} group={group} metricColumns={metricColumns} columnCount={FIXED_COLUMNS + metricColumns.length} />
        ))}
      </tbody>
    </Table>
  );
}

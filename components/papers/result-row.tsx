'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Td } from '@/components/ui/table';
import type { CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import type { ResultGroup } from '@/lib/schemas/papers';
import { ComputeCell } from './compute-cell';
import { MarkedValue } from './difference-mark';
import { formatInteger, formatMetric, formatPretrainStage, formatSamples, formatUsd } from './format-reported';
import { OtherSources } from './other-sources';
import { ResultTypeBadge } from './result-type-badge';
import { ToleranceInput } from './tolerance-input';

const none = <span className="text-zinc-300">—</span>;

/** One result_key: its primary source's row, and the other sources in an expandable sub-row. */
export function ResultRow({ paperId, group, metricColumns, columnCount }: {
  paperId: string;
  group: ResultGroup;
  metricColumns: readonly CanonicalMetricName[];
  columnCount: number;
}) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const { primary, others } = group;
  const stage = formatPretrainStage(primary);
  return (
    <>
      <tr className="align-top hover:bg-zinc-50" data-result-key={group.resultKey}>
        <Td className="sticky left-0 z-10 min-w-44 bg-white align-top">
          <div className="font-medium whitespace-nowrap text-zinc-900">{primary.model}</div>
          {primary.modelOpenclipName && primary.modelOpenclipName !== primary.model && <div className="font-mono text-xs text-zinc-500">{primary.modelOpenclipName}</div>}
          <div className="mt-1 flex items-center gap-1.5">
            <ResultTypeBadge type={primary.resultType} />
          </div>
          <div className="mt-1 max-w-56 font-mono text-[11px] break-all text-zinc-400">{group.resultKey}</div>
          {others.length > 0 && (
            <Button size="sm" variant="ghost" className="mt-1 -ml-2 whitespace-nowrap" aria-expanded={expanded} aria-controls={detailsId} onClick={() => setExpanded(!expanded)}>
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
              {others.length} other source{others.length === 1 ? '' : 's'}
              {others.some((other) => other.differences.length > 0) && <span className="text-amber-700">(differ)</span>}
            </Button>
          )}
        </Td>
        <Td className="min-w-56 max-w-72 align-top text-xs" data-testid="result-source">
          <p className="break-words text-zinc-800">{primary.source}</p>
          {primary.reportedBy && <p className="mt-0.5 text-zinc-500">{primary.reportedBy}</p>}
          {primary.notes && (
            <details className="mt-1 text-zinc-600">
              <summary className="cursor-pointer text-zinc-500">Notes</summary>
              <p className="mt-1 whitespace-pre-line">{primary.notes}</p>
            </details>
          )}
        </Td>
        <Td className="align-top whitespace-nowrap">{primary.pretrainDataset ?? none}</Td>
        <Td numeric className="align-top whitespace-nowrap">
          <div title={primary.totalSamplesSeen !== null ? `${formatInteger(primary.totalSamplesSeen)} samples in total` : undefined}>
            {primary.samplesSeen !== null ? <MarkedValue others={others} fields={['samplesSeen']}>{formatSamples(primary.samplesSeen)}</MarkedValue> : none}
          </div>
          {primary.finetuneSamplesSeen !== null && (
            <div className="text-xs text-zinc-500">
              + <MarkedValue others={others} fields={['finetuneSamplesSeen']}>{formatSamples(primary.finetuneSamplesSeen)}</MarkedValue> fine-tune
            </div>
          )}
        </Td>
        <Td className="min-w-40 align-top text-xs">
          {stage && (
            <div className="whitespace-nowrap">
              <span className="text-zinc-500">pre-train </span>
              <MarkedValue others={others} fields={['pretrainImageRes', 'pretrainImageTokens', 'textTokenLen']}>{stage}</MarkedValue>
            </div>
          )}
          {primary.finetune && <div className="mt-0.5 line-clamp-3 text-zinc-600" title={primary.finetune}>{primary.finetune}</div>}
          {!stage && !primary.finetune && none}
        </Td>
        <Td numeric className="align-top">
          {primary.evalImageRes !== null ? <MarkedValue others={others} fields={['evalImageRes']}>{`${primary.evalImageRes}px`}</MarkedValue> : none}
        </Td>
        {metricColumns.map((name) => {
          const text = formatMetric(primary, name);
          return (
            <Td key={name} numeric className="align-top font-medium text-zinc-900" data-metric={name}>
              {text === null ? none : <MarkedValue others={others} fields={[name]}>{text}</MarkedValue>}
            </Td>
          );
        })}
        <Td numeric className="align-top">
          <ComputeCell result={primary} others={others} />
        </Td>
        <Td numeric className="align-top whitespace-nowrap">
          {primary.costUsd !== null ? <MarkedValue others={others} fields={['costUsd']}>{formatUsd(primary.costUsd)}</MarkedValue> : none}
        </Td>
        <Td numeric className="align-top">
          <ToleranceInput paperId={paperId} result={primary} label={`Tolerance for ${group.resultKey} (percentage points)`} />
        </Td>
      </tr>
      {others.length > 0 && (
        <tr id={detailsId} hidden={!expanded} className="bg-zinc-50" data-other-sources-for={group.resultKey}>
          <td colSpan={columnCount} className="border-b border-zinc-200 px-4 py-2">
            {expanded && <OtherSources paperId={paperId} primary={primary} others={others} />}
          </td>
        </tr>
      )}
    </>
  );
}

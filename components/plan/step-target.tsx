import Link from 'next/link';
import { formatCount } from '@/lib/charts/format';
import { formatGpuHours, formatUsd } from '@/lib/plan/budget';
import { paperPageUrls } from '@/lib/queries/papers';
import type { PlanStep } from '@/lib/schemas/plan';
import { formatPercent } from '@/lib/scorecard/format';

/** What a step targets (the paper's number with its source, or the pilot's definition) and where its estimate comes from. */
export function StepTarget({ step }: { step: PlanStep }) {
  const { target, planned } = step;
  return (
    <div className="min-w-64 space-y-0.5">
      <p className="font-medium text-zinc-900">{step.title}</p>
      {target.kind === 'result' ? (
        <p className="text-xs text-zinc-600">
          <Link href={paperPageUrls.paper(target.paperId)} className="font-mono hover:underline">
            {target.resultKey}
          </Link>
          {target.reportedTop1 !== null && <span title={target.source}> · paper {formatPercent(target.reportedTop1)} IN-1k</span>}
          {target.paperGpuHours !== null && (
            <span title={target.paperGpuHoursBasis ?? undefined}>
              {' '}
              · paper {formatGpuHours(target.paperGpuHours)}
              {target.paperCostUsd !== null ? `, ${formatUsd(target.paperCostUsd)}` : ''} (its basis)
            </span>
          )}
        </p>
      ) : (
        <p className="text-xs text-zinc-600">
          Pilot {target.model ?? '(no model)'} · {target.samplesSeen !== null ? formatCount(target.samplesSeen) : '?'} samples
          {target.imageRes !== null ? ` @${target.imageRes} px` : ''}
          {target.textTokenLen !== null ? `, ${target.textTokenLen} text tokens` : ''}
          {target.finetuneSamplesSeen ? ` + ${formatCount(target.finetuneSamplesSeen)} fine-tuning` : ''}
          {target.expectedTop1 !== null ? ` · expects ${formatPercent(target.expectedTop1)} IN-1k` : ''}
        </p>
      )}
      {planned.throughput ? (
        <p className="text-xs text-zinc-500" data-testid="throughput-source" data-source={planned.throughput.source}>
          {planned.gflops !== null ? `${planned.gflops.toExponential(2)} training GFLOPs; ` : ''}
          {planned.throughput.detail}
        </p>
      ) : (
        <p className="text-xs text-amber-700">No estimate: {planned.unavailable}</p>
      )}
      {step.notes && <p className="whitespace-pre-wrap text-xs text-zinc-500">{step.notes}</p>}
    </div>
  );
}

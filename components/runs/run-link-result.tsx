import { Badge } from '@/components/ui/badge';
import { formatPercent } from '@/lib/scorecard/format';
import type { LinkResult } from '@/lib/schemas/scorecard';

/** One line of text naming a reported result, for options and titles. */
export function describeLinkResult(result: LinkResult): string {
  const value = result.zeroshotTop1 !== null ? ` — ${formatPercent(result.zeroshotTop1)}` : '';
  return [result.model, result.pretrainDataset, result.schedule].filter(Boolean).join(' · ') + value;
}

/** A reported result: model, data and schedule, its top-1, and its key in small text. */
export function RunLinkResult({ result }: { result: LinkResult }) {
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-zinc-900">{result.model}</span>
        {result.pretrainDataset && <span className="text-zinc-700">{result.pretrainDataset}</span>}
        {result.zeroshotTop1 !== null && <span className="tabular-nums text-zinc-700">{formatPercent(result.zeroshotTop1)} IN-1k</span>}
        {result.resultType !== 'main' && <Badge>{result.resultType}</Badge>}
      </div>
      {result.schedule && <p className="text-xs text-zinc-600">{result.schedule}</p>}
      <p className="truncate font-mono text-xs text-zinc-400" title={result.key}>
        {result.paperId} · {result.key}
      </p>
    </div>
  );
}

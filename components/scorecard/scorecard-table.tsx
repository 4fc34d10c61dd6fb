import Link from 'next/link';
import { Fragment } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { Table, Td, Th } from '@/components/ui/table';
import { pageUrls } from '@/lib/queries/urls';
import { formatGap, formatPercent } from '@/lib/scorecard/format';
import type { Scorecard, ScorecardRow } from '@/lib/schemas/scorecard';
import { GapDiagnostics } from './gap-diagnostics';
import { RunProgress } from './run-progress';
import { VerdictBadge } from './verdict-badge';
import { VERDICT_TEXT } from './verdict-style';

const COLUMNS = 7;
const dash = <span className="text-zinc-400">—</span>;

/** The scorecard rows grouped by paper, one row per reported result. */
export function ScorecardTable({ slug, scorecard }: { slug: string; scorecard: Scorecard }) {
  return (
    <Table label={`Scorecard: ${scorecard.metric.label}`}>
      <thead>
        <tr>
          <Th>Reported result</Th>
          <Th numeric>Paper</Th>
          <Th>Best run</Th>
          <Th numeric>Run</Th>
          <Th numeric>Gap</Th>
          <Th>Verdict</Th>
          <Th>Progress</Th>
        </tr>
      </thead>
      <tbody>
        {scorecard.papers.map((paper) => (
          <Fragment key={paper.id}>
            <tr>
              <th colSpan={COLUMNS} scope="colgroup" className="border-b border-zinc-200 bg-zinc-50/60 px-4 py-2 text-left text-sm font-semibold text-zinc-900">
                {paper.shortName} <span className="font-normal text-zinc-500">· {paper.title}</span>
              </th>
            </tr>
            {scorecard.rows
              .filter((row) => row.result.paperId === paper.id)
              .map((row) => (
                <ScorecardTableRow key={row.result.id} slug={slug} row={row} />
              ))}
          </Fragment>
        ))}
      </tbody>
    </Table>
  );
}

function ScorecardTableRow({ slug, row }: { slug: string; row: ScorecardRow }) {
  const { result, bestRun } = row;
  const others = row.linkedRuns - 1;
  return (
    <tr className="align-top hover:bg-zinc-50" data-testid="scorecard-row" data-result-key={result.key} data-verdict={row.verdict}>
      <Td className="max-w-md">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-zinc-900">{result.model}</span>
          {result.pretrainDataset && <span className="text-zinc-700">{result.pretrainDataset}</span>}
          {result.resultType !== 'main' && <Badge>{result.resultType}</Badge>}
        </div>
        {result.schedule && <p className="text-xs text-zinc-600">{result.schedule}</p>}
        <p className="truncate text-xs text-zinc-400" title={`${result.key} · ${result.reportedBy}: ${result.source}`}>
          {result.fromPrimarySource ? '' : 'value from '}
          {result.reportedBy} · {result.source}
        </p>
      </Td>
      <Td numeric>
        <div className="font-medium text-zinc-900">{formatPercent(result.reported)}</div>
        <div className="text-xs text-zinc-400">±{result.tolerancePp} pp</div>
      </Td>
      <Td>
        {bestRun ? (
          <>
            <Link href={pageUrls.run(slug, bestRun.key)} className="font-medium text-zinc-900 hover:text-accent-600 hover:underline">
              {bestRun.name}
            </Link>
            <div className="text-xs text-zinc-500">{bestRun.displayStatus}</div>
          </>
        ) : row.linkedRuns > 0 ? (
          <span className="text-xs text-zinc-500">
            {row.linkedRuns} linked {row.linkedRuns === 1 ? 'run' : 'runs'}, no value yet
          </span>
        ) : (
          dash
        )}
        {bestRun && others > 0 && <div className="text-xs text-zinc-400">+{others} more linked {others === 1 ? 'run' : 'runs'}</div>}
      </Td>
      <Td numeric>
        {bestRun?.value != null ? <span className="font-medium text-zinc-900">{formatPercent(bestRun.value)}</span> : dash}
        {bestRun?.valueEpoch != null && <div className="text-xs text-zinc-400">epoch {bestRun.valueEpoch}</div>}
      </Td>
      <Td numeric className={cn('font-medium', VERDICT_TEXT[row.verdict])}>
        <span data-testid="gap">{formatGap(row.gap)}</span>
        {bestRun && <GapDiagnostics slug={slug} runKey={bestRun.key} badges={bestRun.diagnostics} />}
      </Td>
      <Td>
        <VerdictBadge verdict={row.verdict} />
      </Td>
      <Td>{row.verdict === 'in_progress' ? <RunProgress progress={row.progress} eta={row.eta} stale={bestRun?.displayStatus === 'stale'} /> : null}</Td>
    </tr>
  );
}

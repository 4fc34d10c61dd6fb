'use client';

import { notFound } from 'next/navigation';
import { useState } from 'react';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataState } from '@/components/ui/data-state';
import { EmptyState } from '@/components/ui/empty-state';
import { PageSkeleton } from '@/components/ui/skeleton';
import { isNotFoundError } from '@/lib/queries/api-request-error';
import { paperPageUrls, usePaper } from '@/lib/queries/papers';
import type { PaperDetail } from '@/lib/schemas/papers';
import { countHiddenTypes, filterResultGroups, type ResultFilter } from './filter-results';
import { PaperOriginBadge } from './paper-origin-badge';
import { ResultFilters } from './result-filters';
import { ResultsTable } from './results-table';

/** A paper's page: what it is, where its numbers come from, and its reported results. */
export function PaperView({ paperId }: { paperId: string }) {
  const paper = usePaper(paperId);
  if (isNotFoundError(paper.error)) notFound();
  return (
    <DataState query={paper} loading={<PageSkeleton label="Loading paper" />} errorTitle="Could not load the paper">
      {(detail) => <PaperDetailView detail={detail} />}
    </DataState>
  );
}

function PaperDetailView({ detail }: { detail: PaperDetail }) {
  const { paper, groups } = detail;
  const [filter, setFilter] = useState<ResultFilter>({ showAllTypes: false, search: '' });
  const shown = filterResultGroups(groups, filter);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Breadcrumbs items={[{ label: 'Papers', href: paperPageUrls.papers() }, { label: paper.shortName }]} />
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight">{paper.shortName}</h1>
          <PaperOriginBadge origin={paper.origin} />
          {paper.arxivId ? (
            <a href={`https://arxiv.org/abs/${paper.arxivId}`} className="font-mono text-sm text-accent-600 hover:underline" rel="noreferrer" target="_blank">
              arXiv:{paper.arxivId}
            </a>
          ) : (
            paper.url && (
              <a href={paper.url} className="text-sm text-accent-600 hover:underline" rel="noreferrer" target="_blank">
                Link
              </a>
            )
          )}
        </div>
        {paper.title !== paper.shortName && <p className="max-w-4xl text-sm text-zinc-700">{paper.title}</p>}
        <p className="max-w-4xl text-xs text-zinc-500">
          <span className="font-medium">Source:</span> {paper.source}
        </p>
      </div>
      <Card
        title={`Reported results (${groups.length} result${groups.length === 1 ? '' : 's'}, ${paper.resultCount} source row${paper.resultCount === 1 ? '' : 's'})`}
      >
        <ResultFilters filter={filter} onChange={setFilter} hidden={countHiddenTypes(groups)} shownCount={shown.length} totalCount={groups.length} />
        {groups.length === 0 ? (
          <EmptyState title="This paper has no reported results yet" />
        ) : shown.length === 0 ? (
          <EmptyState title="No results match these filters">
            <Button size="sm" onClick={() => setFilter({ showAllTypes: true, search: '' })}>
              Show all results
            </Button>
          </EmptyState>
        ) : (
          <ResultsTable paperId={paper.id} groups={shown} />
        )}
      </Card>
    </div>
  );
}

'use client';

import { Card } from '@/components/ui/card';
import { DataState } from '@/components/ui/data-state';
import { EmptyState } from '@/components/ui/empty-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { usePapers } from '@/lib/queries/papers';
import { ImportResultsPanel } from './import-results-panel';
import { PapersTable } from './papers-table';

/** The papers page: every paper whose reported results runs are compared with, and the CSV import. */
export function PapersOverview() {
  const papers = usePapers();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Papers</h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600">
          The results each paper reports, with the exact source of every number. Reference data ships with Reproboard; a lab can add
          another paper&apos;s results below.
        </p>
      </div>
      <Card title={`All papers${papers.data ? ` (${papers.data.length})` : ''}`}>
        <DataState
          query={papers}
          loading={<TableSkeleton rows={4} label="Loading papers" />}
          errorTitle="Could not load papers"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No papers yet">
              <p>
                The reference data is loaded by <code className="font-mono text-xs">npm run db:migrate</code>. You can also import a
                paper&apos;s results as a CSV below.
              </p>
            </EmptyState>
          }
        >
          {(list) => <PapersTable papers={list} />}
        </DataState>
      </Card>
      <ImportResultsPanel />
    </div>
  );
}

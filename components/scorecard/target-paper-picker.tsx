'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataState } from '@/components/ui/data-state';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorNotice } from '@/components/ui/error-notice';
import { usePaperList, useSetTargetPapers } from '@/lib/queries/scorecard';

/** Shown while a project has no target papers: pick the papers whose results it reproduces. */
export function TargetPaperPicker({ slug }: { slug: string }) {
  const papers = usePaperList();
  const save = useSetTargetPapers(slug);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <EmptyState title="Which papers does this project reproduce?">
      <p>The scorecard lists the reported results of the project&apos;s target papers. Choose them once; runs you link to a result then fill its row.</p>
      <DataState query={papers} errorTitle="Could not load the papers" isEmpty={(list) => list.length === 0} empty={<p className="mt-4">No papers are loaded yet; run the database seed.</p>}>
        {(list) => (
          <form
            className="mx-auto mt-4 max-w-lg space-y-3 text-left"
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate([...selected]);
            }}
          >
            <fieldset className="space-y-2">
              <legend className="sr-only">Target papers</legend>
              {list.map((paper) => (
                <label key={paper.id} className="flex items-start gap-2 rounded-md border border-zinc-200 bg-white px-3 py-2">
                  <input type="checkbox" className="mt-1" checked={selected.has(paper.id)} onChange={() => toggle(paper.id)} />
                  <span>
                    <span className="font-medium text-zinc-900">{paper.shortName}</span>{' '}
                    <span className="text-xs text-zinc-500">
                      {paper.resultCount} results{paper.arxivId ? ` · arXiv ${paper.arxivId}` : ''}
                    </span>
                    <span className="block text-xs text-zinc-600">{paper.title}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {save.isError && <ErrorNotice error={save.error} title="Could not save the target papers" />}
            <Button type="submit" variant="primary" disabled={selected.size === 0 || save.isPending}>
              {save.isPending ? 'Saving…' : 'Use these papers'}
            </Button>
          </form>
        )}
      </DataState>
    </EmptyState>
  );
}

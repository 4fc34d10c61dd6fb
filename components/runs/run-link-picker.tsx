'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataState } from '@/components/ui/data-state';
import { ErrorNotice } from '@/components/ui/error-notice';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useRunLink, useSetRunLink } from '@/lib/queries/scorecard';
import type { LinkResult, RunLink } from '@/lib/schemas/scorecard';
import { describeLinkResult, RunLinkResult } from './run-link-result';
import { RunLinkSuggestion } from './run-link-suggestion';
import { useCanEdit } from '@/components/projects/project-role';

/**
 * Which reported result a run reproduces: the current link, the result its config clearly matches (if
 * one does), the closest other candidates, and every result of the project's papers to choose from.
 * `bare` drops the card frame, for lists that already have one.
 */
export function RunLinkPicker({ slug, runKey, bare = false }: { slug: string; runKey: string; bare?: boolean }) {
  const link = useRunLink(slug, runKey);
  const setLink = useSetRunLink(slug, runKey);
  const canEdit = useCanEdit();
  const body = (
    <DataState query={link} loading={<TableSkeleton rows={2} label="Loading the run's link" />} errorTitle="Could not load the run's link">
      {(data) => !canEdit ? <RunLinkReadOnly data={data} /> : <RunLinkBody data={data} pending={setLink.isPending} onLink={(id) => setLink.mutate(id)} error={setLink.isError ? setLink.error : null} />}
    </DataState>
  );
  if (bare) return body;
  return <Card title="Reproduces">{body}</Card>;
}

function RunLinkReadOnly({ data }: { data: RunLink }) {
  return (
    <div className="p-4" data-testid="run-link">
      {data.current ? <RunLinkResult result={data.current} /> : <p className="text-sm text-zinc-600">Not linked to a reported result.</p>}
    </div>
  );
}

function RunLinkBody({ data, pending, onLink, error }: { data: RunLink; pending: boolean; onLink: (id: string | null) => void; error: unknown }) {
  const suggestion = data.suggestions.find((candidate) => candidate.clear && candidate.result.id !== data.current?.id);
  const closest = suggestion || data.current ? [] : data.suggestions.slice(0, 3);
  return (
    <div className="space-y-3 p-4" data-testid="run-link">
      {data.current ? (
        <div className="flex items-start justify-between gap-3" data-testid="run-link-current">
          <div className="min-w-0">
            <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">Linked to</p>
            <RunLinkResult result={data.current} />
          </div>
          <Button size="sm" variant="ghost" onClick={() => onLink(null)} disabled={pending}>
            Unlink
          </Button>
        </div>
      ) : (
        <p className="text-sm text-zinc-600">Not linked to a reported result yet.</p>
      )}
      {suggestion && (
        <div className="space-y-1">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">Suggested: the config clearly matches</p>
          <RunLinkSuggestion suggestion={suggestion} onLink={() => onLink(suggestion.result.id)} disabled={pending} />
        </div>
      )}
      {closest.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-600">No clear match; the closest results</summary>
          <div className="mt-2 space-y-2">
            {closest.map((candidate) => (
              <RunLinkSuggestion key={candidate.result.id} suggestion={candidate} onLink={() => onLink(candidate.result.id)} disabled={pending} />
            ))}
          </div>
        </details>
      )}
      <ChooseResult key={data.current?.id ?? 'none'} choices={data.choices} current={data.current} pending={pending} onLink={onLink} />
      {error !== null && <ErrorNotice error={error} title="Could not change the link" />}
    </div>
  );
}

function ChooseResult({ choices, current, pending, onLink }: { choices: readonly LinkResult[]; current: LinkResult | null; pending: boolean; onLink: (id: string) => void }) {
  const [chosen, setChosen] = useState(current?.id ?? '');
  if (choices.length === 0) return <p className="text-xs text-zinc-500">The project has no target papers with results to link to.</p>;
  const papers = [...new Set(choices.map((choice) => choice.paperId))];
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onLink(chosen);
      }}
    >
      <label className="sr-only" htmlFor="run-link-choice">
        Reported result
      </label>
      <select
        id="run-link-choice"
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-xs"
      >
        <option value="">Choose a reported result…</option>
        {papers.map((paperId) => (
          <optgroup key={paperId} label={paperId}>
            {choices
              .filter((choice) => choice.paperId === paperId)
              .map((choice) => (
                <option key={choice.id} value={choice.id} title={choice.key}>
                  {describeLinkResult(choice)}
                  {choice.resultType !== 'main' ? ` (${choice.resultType})` : ''}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <Button type="submit" size="sm" disabled={!chosen || chosen === current?.id || pending}>
        {pending ? 'Linking…' : 'Link'}
      </Button>
    </form>
  );
}

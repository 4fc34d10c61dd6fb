'use client';

import { useRef, useState } from 'react';
import { useUpdateRunAnnotations } from '@/lib/queries/run-annotations';
import type { RunSummary } from '@/lib/schemas/run';
import { MAX_NOTES_LENGTH } from '@/lib/schemas/run-edit';
import { useCanEdit } from '@/components/projects/project-role';
import { SaveStatus } from './save-status';

/**
 * A run's notes, edited in place: click to edit, Enter or leaving the field saves, Shift+Enter is
 * a new line, Escape cancels. The table shows the new text at once; a failed save puts the old
 * text back and offers to retry with the new one.
 */
export function EditableNotes({ slug, run }: { slug: string; run: Pick<RunSummary, 'key' | 'name' | 'notes'> }) {
  if (!useCanEdit()) return <p className="whitespace-pre-wrap text-sm text-zinc-700">{run.notes}</p>;
  return <NotesEditor slug={slug} run={run} />;
}

function NotesEditor({ slug, run }: { slug: string; run: Pick<RunSummary, 'key' | 'name' | 'notes'> }) {
  const mutation = useUpdateRunAnnotations(slug);
  const [draft, setDraft] = useState<string | null>(null);
  // Enter or Escape ends editing; the blur that follows when the field goes away must not save again.
  const ended = useRef(false);

  const start = () => {
    ended.current = false;
    mutation.reset();
    setDraft(run.notes);
  };
  const finish = (save: boolean) => {
    if (ended.current || draft === null) return;
    ended.current = true;
    if (save && draft !== run.notes) mutation.mutate({ runKey: run.key, change: { notes: draft } });
    setDraft(null);
  };

  if (draft !== null) {
    return (
      <textarea
        autoFocus
        aria-label={`Notes of ${run.name}`}
        value={draft}
        maxLength={MAX_NOTES_LENGTH}
        rows={3}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            finish(true);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            finish(false);
          }
        }}
        className="field-sizing-content block max-h-48 min-h-14 w-72 rounded-md border-0 px-2 py-1 text-sm shadow-xs ring-1 ring-inset ring-accent-600 focus:ring-2"
      />
    );
  }
  return (
    <div className="min-w-40 max-w-xs">
      <button
        type="button"
        onClick={start}
        aria-label={`Edit notes of ${run.name}`}
        title="Click to edit"
        className="block w-full cursor-text rounded px-1 py-0.5 text-left hover:bg-zinc-100"
      >
        {run.notes ? (
          <span className="line-clamp-2 whitespace-pre-line break-words" data-testid="run-notes">
            {run.notes}
          </span>
        ) : (
          <span className="text-xs text-zinc-400">Add a note</span>
        )}
      </button>
      <SaveStatus
        className="block px-1"
        mutation={{ ...mutation, retry: () => mutation.variables && mutation.mutate(mutation.variables) }}
      />
    </div>
  );
}

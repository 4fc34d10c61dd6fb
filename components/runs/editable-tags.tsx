'use client';

import { useRef, useState } from 'react';
import { useUpdateRunAnnotations } from '@/lib/queries/run-annotations';
import type { RunSummary } from '@/lib/schemas/run';
import { MAX_TAG_LENGTH, MAX_TAGS } from '@/lib/schemas/run-edit';
import { SaveStatus } from './save-status';
import { useCanEdit } from '@/components/projects/project-role';

/**
 * A run's tags as chips: × removes one, "+ tag" opens a field where Enter (or leaving it) adds
 * the tag and Escape cancels. Each change saves the whole list; the chips change at once and go
 * back if the save fails.
 */
export function EditableTags({ slug, run }: { slug: string; run: Pick<RunSummary, 'key' | 'name' | 'tags'> }) {
  if (!useCanEdit()) {
    return (
      <div className="flex flex-wrap gap-1">
        {run.tags.map((tag) => (
          <span key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
            {tag}
          </span>
        ))}
      </div>
    );
  }
  return <TagsEditor slug={slug} run={run} />;
}

function TagsEditor({ slug, run }: { slug: string; run: Pick<RunSummary, 'key' | 'name' | 'tags'> }) {
  const mutation = useUpdateRunAnnotations(slug);
  const [draft, setDraft] = useState<string | null>(null);
  const save = (tags: string[]) => mutation.mutate({ runKey: run.key, change: { tags } });

  // Enter or Escape closes the field; the blur that follows when it goes away must not add again.
  const closed = useRef(false);

  const open = () => {
    closed.current = false;
    mutation.reset();
    setDraft('');
  };
  const close = (add: boolean) => {
    if (closed.current || draft === null) return;
    closed.current = true;
    setDraft(null);
    const tag = draft.trim();
    if (add && tag !== '' && !run.tags.includes(tag)) save([...run.tags, tag]);
  };

  return (
    <div className="flex min-w-32 flex-wrap items-center gap-1">
      {run.tags.map((tag) => (
        <span key={tag} className="inline-flex items-center rounded-md bg-zinc-100 py-0.5 pl-1.5 text-xs text-zinc-700 ring-1 ring-inset ring-zinc-200">
          {tag}
          <button
            type="button"
            onClick={() => save(run.tags.filter((item) => item !== tag))}
            aria-label={`Remove tag ${tag} from ${run.name}`}
            className="ml-0.5 rounded px-1 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-900"
          >
            ×
          </button>
        </span>
      ))}
      {draft !== null ? (
        <input
          autoFocus
          aria-label={`New tag for ${run.name}`}
          value={draft}
          maxLength={MAX_TAG_LENGTH}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => close(true)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'Escape') {
              event.preventDefault();
              close(event.key === 'Enter');
            }
          }}
          className="w-24 rounded border-0 px-1.5 py-0.5 text-xs ring-1 ring-inset ring-accent-600"
        />
      ) : (
        run.tags.length < MAX_TAGS && (
          <button
            type="button"
            onClick={open}
            aria-label={`Add tag to ${run.name}`}
            className="rounded px-1 text-xs text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
          >
            + tag
          </button>
        )
      )}
      <SaveStatus mutation={{ ...mutation, retry: () => mutation.variables && mutation.mutate(mutation.variables) }} />
    </div>
  );
}

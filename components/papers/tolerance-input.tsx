'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { errorMessageOf } from '@/lib/queries/api-request-error';
import { useUpdateTolerance } from '@/lib/queries/papers';
import { reportedResultUpdateSchema, type ReportedResult } from '@/lib/schemas/papers';

/**
 * A reported result's tolerance, edited in place: saved on blur or Enter, Escape restores the saved
 * value. The draft exists only while editing, so the shown value is otherwise always the server's.
 */
export function ToleranceInput({ paperId, result, label }: { paperId: string; result: Pick<ReportedResult, 'id' | 'tolerancePp'>; label: string }) {
  const update = useUpdateTolerance(paperId);
  const [draft, setDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const errorId = useId();

  const save = () => {
    if (draft === null) return;
    const parsed = reportedResultUpdateSchema.safeParse({ tolerancePp: draft.trim() === '' ? Number.NaN : Number(draft) });
    if (!parsed.success) {
      setLocalError(parsed.error.issues[0]?.message ?? 'invalid tolerance');
      return;
    }
    const tolerancePp = parsed.data.tolerancePp;
    setLocalError(null);
    if (tolerancePp === result.tolerancePp) {
      setDraft(null);
      return;
    }
    if (update.isPending && update.variables?.tolerancePp === tolerancePp) return;
    update.mutate({ id: result.id, tolerancePp }, { onSuccess: () => setDraft(null) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      setDraft(null);
      setLocalError(null);
      update.reset();
    }
  };

  const error = localError ?? (update.isError ? errorMessageOf(update.error) : null);
  return (
    <div className="min-w-20">
      <div className="flex items-center justify-end gap-1">
        <span className="text-zinc-400">±</span>
        <input
          type="number"
          inputMode="decimal"
          step="0.1"
          min="0"
          max="50"
          value={draft ?? String(result.tolerancePp)}
          onChange={(event) => {
            setDraft(event.target.value);
            setLocalError(null);
          }}
          onBlur={save}
          onKeyDown={onKeyDown}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={cn(
            'w-14 rounded border-0 px-1.5 py-0.5 text-right text-sm tabular-nums ring-1 ring-inset ring-zinc-200 hover:ring-zinc-300 focus:ring-2 focus:ring-accent-600',
            error && 'ring-red-400',
            update.isPending && 'text-zinc-400',
          )}
        />
        <span className="text-xs text-zinc-500">pp</span>
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1 max-w-40 text-left text-xs whitespace-normal text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

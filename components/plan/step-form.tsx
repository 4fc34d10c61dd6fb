'use client';

import { useState, type FormEvent } from 'react';
import { authInputClasses } from '@/components/auth/text-field';
import { Button } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { useCreatePlanStep, useUpdatePlanStep } from '@/lib/queries/plan';
import type { PlanStep } from '@/lib/schemas/plan';
import { draftOf, EMPTY_STEP, stepRequest, type StepDraft } from './step-draft';
import { StepTargetFields } from './step-target-fields';

/** Adds a step at the end of the plan, or edits one; the server's error names the field it refuses. */
export function StepForm({ slug, step, onDone }: { slug: string; step?: PlanStep; onDone?: () => void }) {
  const create = useCreatePlanStep(slug);
  const update = useUpdatePlanStep(slug);
  const [draft, setDraft] = useState<StepDraft>(step ? draftOf(step) : EMPTY_STEP);
  const mutation = step ? update : create;
  const set = (patch: Partial<StepDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = stepRequest(draft);
    const done = () => {
      if (!step) setDraft(EMPTY_STEP);
      onDone?.();
    };
    if (step) update.mutate({ stepId: step.id, input }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  return (
    <form onSubmit={submit} aria-label={step ? `Edit step ${step.title}` : 'Add a step'} className="space-y-3">
      <StepTargetFields slug={slug} draft={draft.target} onChange={(target) => set({ target })} />
      <div className="grid grid-cols-1 gap-2 md:grid-cols-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
          Title
          <input value={draft.title} maxLength={200} placeholder={step ? undefined : 'from the target'} onChange={(event) => set({ title: event.target.value })} className={authInputClasses} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
          Assumed samples/s per GPU
          <input value={draft.assumed} inputMode="decimal" placeholder="until a run measures it" onChange={(event) => set({ assumed: event.target.value })} className={authInputClasses} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
          Notes
          <input value={draft.notes} maxLength={5000} onChange={(event) => set({ notes: event.target.value })} className={authInputClasses} />
        </label>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {step ? 'Save step' : 'Add step'}
        </Button>
        {onDone && step && (
          <Button onClick={onDone} variant="ghost">
            Cancel
          </Button>
        )}
      </div>
      {mutation.error && <ErrorNotice error={mutation.error} title={step ? 'Could not save the step' : 'Could not add the step'} />}
    </form>
  );
}

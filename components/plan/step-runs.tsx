'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { formatGpuHours } from '@/lib/plan/budget';
import { useLinkPlanRun } from '@/lib/queries/plan';
import { useRuns } from '@/lib/queries/runs';
import { pageUrls } from '@/lib/queries/urls';
import type { PlanStep } from '@/lib/schemas/plan';

/** The runs that carry a step out, with what each spent; members link and unlink them. */
export function StepRuns({ slug, step, canEdit }: { slug: string; step: PlanStep; canEdit: boolean }) {
  const link = useLinkPlanRun(slug);
  return (
    <div className="min-w-44 space-y-1">
      {step.runs.length === 0 && <p className="text-xs text-zinc-400">no runs linked</p>}
      <ul className="space-y-0.5">
        {step.runs.map((run) => (
          <li key={run.key} className="flex items-center gap-1.5 text-xs" data-testid="step-run">
            <Link href={pageUrls.run(slug, run.key)} className="text-accent-700 hover:underline">
              {run.name}
            </Link>
            <span className="text-zinc-500">
              {run.displayStatus}
              {run.gpuHours !== null ? ` · ${formatGpuHours(run.gpuHours)}` : ' · GPU-h unknown'}
            </span>
            {canEdit && (
              <Button size="sm" variant="ghost" aria-label={`Unlink ${run.name}`} disabled={link.isPending} onClick={() => link.mutate({ stepId: step.id, runKey: run.key, linked: false })}>
                ×
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && <LinkRunSelect slug={slug} step={step} onLink={(runKey) => link.mutate({ stepId: step.id, runKey, linked: true })} disabled={link.isPending} />}
      {link.error && <ErrorNotice error={link.error} title="Could not change the link" />}
    </div>
  );
}

function LinkRunSelect({ slug, step, onLink, disabled }: { slug: string; step: PlanStep; onLink: (runKey: string) => void; disabled: boolean }) {
  const runs = useRuns(slug);
  const [choice, setChoice] = useState('');
  const linked = new Set(step.runs.map((run) => run.key));
  const candidates = (runs.data ?? []).filter((run) => !linked.has(run.key));
  if (candidates.length === 0) return null;
  return (
    <div className="flex items-center gap-1">
      <select
        aria-label={`Link a run to ${step.title}`}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        className="max-w-40 rounded-md border-0 py-0.5 pl-1.5 pr-6 text-xs ring-1 ring-inset ring-zinc-300"
      >
        <option value="">Link a run…</option>
        {candidates.map((run) => (
          <option key={run.key} value={run.key}>
            {run.name}
          </option>
        ))}
      </select>
      <Button
        size="sm"
        disabled={disabled || choice === ''}
        onClick={() => {
          onLink(choice);
          setChoice('');
        }}
      >
        Link
      </Button>
    </div>
  );
}

'use client';

import { useState, type FormEvent } from 'react';
import { authInputClasses } from '@/components/auth/text-field';
import { Button } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { formatDuration } from '@/lib/charts/format';
import { formatGpuHours, formatUsd } from '@/lib/plan/budget';
import { useCreatePlanStep, useEstimatePlanStep } from '@/lib/queries/plan';
import type { Plan, PlanEstimateRequest } from '@/lib/schemas/plan';
import { describeChoice, useProjectTargetChoices } from './target-choices';

const BUDGET_WORDS: Record<Plan['budget']['verdict'], string> = {
  within: 'the plan stays within budget',
  over: 'the plan goes over budget',
  incomplete: 'the budget cannot be checked (a step has no estimate)',
  no_budget: 'no budget is set',
};

/**
 * Planning help: for a result of the project's papers, the compute it takes and what that means on
 * the project's hardware (wall time, cost), with where the throughput figure comes from, and whether
 * the budget still holds with it added.
 */
export function PlanningHelp({ slug, plan, canEdit }: { slug: string; plan: Plan; canEdit: boolean }) {
  const targets = useProjectTargetChoices(slug);
  const estimate = useEstimatePlanStep(slug);
  const create = useCreatePlanStep(slug);
  const [resultId, setResultId] = useState('');
  const [throughput, setThroughput] = useState('');
  const request = (): PlanEstimateRequest => ({ reportedResultId: resultId, assumedSamplesPerSecondPerGpu: throughput.trim() ? Number(throughput) : null });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    estimate.mutate(request());
  };
  const result = estimate.data;
  const { hardware } = plan;
  return (
    <div className="space-y-3 p-4">
      <form onSubmit={submit} aria-label="Estimate a target" className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs font-medium text-zinc-700">
          Target result
          <select required value={resultId} onChange={(event) => setResultId(event.target.value)} className={authInputClasses}>
            <option value="">{targets.isPending ? 'Loading results…' : 'Choose a result…'}</option>
            {targets.choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {describeChoice(choice)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex w-56 flex-col gap-1 text-xs font-medium text-zinc-700">
          Samples/s per GPU (if none measured)
          <input value={throughput} inputMode="decimal" placeholder="optional" onChange={(event) => setThroughput(event.target.value)} className={authInputClasses} />
        </label>
        <Button type="submit" disabled={estimate.isPending || resultId === ''}>
          Estimate
        </Button>
      </form>
      {targets.error && <ErrorNotice error={targets.error} title="Could not load the papers' results" />}
      {estimate.error && <ErrorNotice error={estimate.error} title="Could not estimate" />}
      {result && (
        <div role="status" aria-label="Estimate" className="space-y-1 rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-800" data-testid="plan-estimate">
          {result.step.planned.gpuHours === null ? (
            <p className="text-amber-800">No estimate: {result.step.planned.unavailable}</p>
          ) : (
            <>
              <p>
                <strong>{formatGpuHours(result.step.planned.gpuHours)}</strong>
                {result.step.planned.wallHours !== null ? <> · about {formatDuration(result.step.planned.wallHours * 3_600_000)} on {hardware.gpuCount} × {hardware.gpuType ?? 'GPU'}</> : ' · set the GPU count for a wall time'}
                {' · '}
                {formatUsd(result.step.planned.costUsd ?? 0)} at ${hardware.gpuHourPriceUsd}/GPU-h
              </p>
              <p className="text-xs text-zinc-600">
                {result.step.planned.gflops?.toExponential(2)} training GFLOPs ({result.step.planned.modelProfile}); throughput {result.step.planned.throughput?.detail}
              </p>
            </>
          )}
          {result.step.target.kind === 'result' && result.step.target.paperGpuHours !== null && (
            <p className="text-xs text-zinc-600">
              The paper: {formatGpuHours(result.step.target.paperGpuHours)} ({result.step.target.paperGpuHoursBasis})
            </p>
          )}
          <p className={result.budget.verdict === 'over' ? 'font-medium text-red-700' : 'text-zinc-700'}>
            With it, {BUDGET_WORDS[result.budget.verdict]}
            {result.budget.remainingGpuHours === null
              ? ''
              : result.budget.remainingGpuHours >= 0
                ? ` (${formatGpuHours(result.budget.remainingGpuHours)} left)`
                : ` (${formatGpuHours(-result.budget.remainingGpuHours)} over)`}
            .
          </p>
          {canEdit && (
            <Button size="sm" variant="primary" disabled={create.isPending} onClick={() => create.mutate(request())}>
              Add to plan
            </Button>
          )}
          {create.error && <ErrorNotice error={create.error} title="Could not add the step" />}
        </div>
      )}
    </div>
  );
}

'use client';

import { Fragment, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDuration } from '@/lib/charts/format';
import { formatUsd } from '@/lib/plan/budget';
import { useDeletePlanStep, useReorderPlan } from '@/lib/queries/plan';
import type { Plan } from '@/lib/schemas/plan';
import { ComputeBar } from './compute-bar';
import { ProjectedFinish } from './projected-finish';
import { StepForm } from './step-form';
import { StepRuns } from './step-runs';
import { StepStatusBadge } from './step-status-badge';
import { StepTarget } from './step-target';

/** The plan's steps in order: target, status, planned vs spent compute and cost, projected finish, runs. */
export function PlanStepsTable({ slug, plan, canEdit }: { slug: string; plan: Plan; canEdit: boolean }) {
  const reorder = useReorderPlan(slug);
  const remove = useDeletePlanStep(slug);
  const [editing, setEditing] = useState<string | null>(null);
  const ids = plan.steps.map((step) => step.id);
  const move = (index: number, by: -1 | 1) => {
    const next = [...ids];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    reorder.mutate(next);
  };
  return (
    <>
      {(reorder.error || remove.error) && <ErrorNotice error={reorder.error ?? remove.error} title="Could not change the plan" />}
      <Table label="Plan steps">
        <thead>
          <tr>
            <Th>#</Th>
            <Th>Step</Th>
            <Th>Status</Th>
            <Th>Spent / planned</Th>
            <Th>Projected finish</Th>
            <Th>Runs</Th>
          </tr>
        </thead>
        <tbody>
          {plan.steps.map((step, index) => (
            <Fragment key={step.id}>
              <tr data-testid="plan-step" data-step-id={step.id} data-status={step.status} className="align-top">
                <Td className="tabular-nums">
                  <div className="flex flex-col items-start gap-0.5">
                    <span>{index + 1}</span>
                    {canEdit && (
                      <span className="flex gap-0.5">
                        <Button size="sm" variant="ghost" aria-label={`Move ${step.title} up`} disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)}>
                          ↑
                        </Button>
                        <Button size="sm" variant="ghost" aria-label={`Move ${step.title} down`} disabled={index === ids.length - 1 || reorder.isPending} onClick={() => move(index, 1)}>
                          ↓
                        </Button>
                      </span>
                    )}
                  </div>
                </Td>
                <Td>
                  <StepTarget step={step} />
                </Td>
                <Td>
                  <StepStatusBadge step={step} />
                  {step.value !== null && <p className="mt-1 text-xs tabular-nums text-zinc-600">best {step.value.toFixed(1)}%{step.gap !== null ? ` (${step.gap >= 0 ? '+' : '−'}${Math.abs(step.gap).toFixed(1)} pp)` : ''}</p>}
                </Td>
                <Td>
                  <ComputeBar planned={step.planned.gpuHours} spent={step.spent.gpuHours} projected={step.projectedFinish?.projectedGpuHours ?? null} />
                  <p className="text-xs tabular-nums text-zinc-600">
                    <span data-testid="spent-cost">{formatUsd(step.spent.costUsd)}</span> of <span data-testid="planned-cost">{step.planned.costUsd === null ? '—' : formatUsd(step.planned.costUsd)}</span>
                  </p>
                  {step.planned.wallHours !== null && (
                    <p className="text-xs text-zinc-500" data-testid="planned-wall-time">
                      ≈ {formatDuration(step.planned.wallHours * 3_600_000)} on {plan.hardware.gpuCount} GPUs
                    </p>
                  )}
                  {step.spent.runsWithoutGpuHours > 0 && <p className="text-xs text-amber-700">{step.spent.runsWithoutGpuHours} run(s) without wall time or GPU count</p>}
                </Td>
                <Td>
                  <ProjectedFinish step={step} />
                </Td>
                <Td>
                  <StepRuns slug={slug} step={step} canEdit={canEdit} />
                  {canEdit && (
                    <div className="mt-2 flex gap-1">
                      <Button size="sm" onClick={() => setEditing(editing === step.id ? null : step.id)}>
                        Edit
                      </Button>
                      <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(step.id)} aria-label={`Delete ${step.title}`}>
                        Delete
                      </Button>
                    </div>
                  )}
                </Td>
              </tr>
              {editing === step.id && (
                <tr>
                  <td colSpan={6} className="border-b border-zinc-200 bg-zinc-50 px-4 py-3">
                    <StepForm slug={slug} step={step} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </Table>
    </>
  );
}


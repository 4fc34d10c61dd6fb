'use client';

import { notFound } from 'next/navigation';
import { useCanEdit, useIsOwner } from '@/components/projects/project-role';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Card } from '@/components/ui/card';
import { DataState } from '@/components/ui/data-state';
import { EmptyState } from '@/components/ui/empty-state';
import { LiveIndicator } from '@/components/ui/live-indicator';
import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';
import { isNotFoundError } from '@/lib/queries/api-request-error';
import { usePlan } from '@/lib/queries/plan';
import { useProject } from '@/lib/queries/projects';
import { LIVE_REFETCH_MS } from '@/lib/queries/runs';
import { pageUrls } from '@/lib/queries/urls';
import { BudgetSummary } from './budget-summary';
import { HardwareForm } from './hardware-form';
import { PlanStepsTable } from './plan-steps-table';
import { PlanningHelp } from './planning-help';
import { StepForm } from './step-form';

/** A project's reproduction plan: the budget verdict first, then the steps, then planning help and the hardware. */
export function PlanView({ slug }: { slug: string }) {
  const project = useProject(slug);
  const plan = usePlan(slug);
  const canEdit = useCanEdit();
  const isOwner = useIsOwner();
  if (isNotFoundError(project.error) || isNotFoundError(plan.error)) notFound();
  const live = plan.data?.steps.some((step) => step.status === 'running') ?? false;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Breadcrumbs items={[{ label: 'Projects', href: pageUrls.projects() }, { label: project.data?.name ?? slug, href: pageUrls.project(slug) }, { label: 'Plan' }]} />
        <h1 className="text-xl font-semibold tracking-tight">Reproduction plan{project.data ? ` · ${project.data.name}` : ''}</h1>
      </div>
      <DataState
        query={plan}
        errorTitle="Could not load the plan"
        loading={
          <div role="status" aria-label="Loading plan" className="space-y-6">
            <Skeleton className="h-20 w-full" />
            <div className="rounded-lg border border-zinc-200 bg-white">
              <TableSkeleton rows={3} label="Loading plan" />
            </div>
          </div>
        }
      >
        {(data) => (
          <div className="space-y-6">
            {data.steps.length > 0 && <BudgetSummary plan={data} />}
            <Card title={`Steps (${data.steps.length})`} actions={live ? <LiveIndicator intervalSeconds={(LIVE_REFETCH_MS * 2) / 1000} /> : undefined}>
              {data.steps.length > 0 ? (
                <PlanStepsTable slug={slug} plan={data} canEdit={canEdit} />
              ) : (
                <EmptyState title="No steps yet">
                  A step is a reported result to reproduce, or a pilot you define. Each gets planned GPU-hours and cost from its compute and your hardware;
                  link the runs that carry it out to see what they spent and when they finish.
                </EmptyState>
              )}
              {canEdit && (
                <div className="border-t border-zinc-100 p-4">
                  <h3 className="mb-2 text-sm font-semibold text-zinc-900">Add a step</h3>
                  <StepForm slug={slug} />
                </div>
              )}
            </Card>
            <Card title="Planning help: what would a result cost?">
              <PlanningHelp slug={slug} plan={data} canEdit={canEdit} />
            </Card>
            <Card title="Hardware and budget">
              <HardwareForm key={JSON.stringify(data.hardware)} slug={slug} hardware={data.hardware} isOwner={isOwner} />
            </Card>
          </div>
        )}
      </DataState>
    </div>
  );
}

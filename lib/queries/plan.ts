import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  planEstimateSchema,
  planSchema,
  planStepResponseSchema,
  planStepRunLinkSchema,
  type PlanEstimateRequest,
  type PlanStepCreateInput,
  type PlanStepUpdateInput,
} from '@/lib/schemas/plan';
import { projectSchema, type ProjectUpdateInput } from '@/lib/schemas/project';
import { fetchJson, jsonBody } from './fetch-json';
import { paperQueries } from './papers';
import { projectQueries } from './projects';
import { LIVE_REFETCH_MS } from './runs';
import { apiUrls } from './urls';

const segment = encodeURIComponent;

export const planUrls = {
  plan: (slug: string) => `${apiUrls.project(slug)}/plan`,
  steps: (slug: string) => `${apiUrls.project(slug)}/plan/steps`,
  step: (slug: string, stepId: string) => `${apiUrls.project(slug)}/plan/steps/${segment(stepId)}`,
  stepRun: (slug: string, stepId: string, runKey: string) => `${apiUrls.project(slug)}/plan/steps/${segment(stepId)}/runs/${segment(runKey)}`,
  order: (slug: string) => `${apiUrls.project(slug)}/plan/order`,
  estimate: (slug: string) => `${apiUrls.project(slug)}/plan/estimate`,
};

/** Query options of the plan. Key: ['plan', slug]; every edit invalidates it. */
export const planQueries = {
  project: (slug: string) => ['plan', slug] as const,
  detail: (slug: string) =>
    queryOptions({
      queryKey: planQueries.project(slug),
      queryFn: ({ signal }) => fetchJson(planUrls.plan(slug), planSchema, { signal }),
      // Spent compute and projected finishes move while steps run.
      refetchInterval: (query) => (query.state.data?.steps.some((step) => step.status === 'running') ? LIVE_REFETCH_MS * 2 : false),
    }),
};

export function usePlan(slug: string) {
  return useQuery(planQueries.detail(slug));
}

const noContent = z.null();

function usePlanMutation<TInput, TOutput>(slug: string, mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: planQueries.project(slug) }) });
}

export function useCreatePlanStep(slug: string) {
  return usePlanMutation(slug, (input: PlanStepCreateInput) => fetchJson(planUrls.steps(slug), planStepResponseSchema, jsonBody('POST', input)));
}

export function useUpdatePlanStep(slug: string) {
  return usePlanMutation(slug, ({ stepId, input }: { stepId: string; input: PlanStepUpdateInput }) =>
    fetchJson(planUrls.step(slug, stepId), planStepResponseSchema, { method: 'PATCH', body: JSON.stringify(input), headers: { 'content-type': 'application/json' } }),
  );
}

export function useDeletePlanStep(slug: string) {
  return usePlanMutation(slug, (stepId: string) => fetchJson(planUrls.step(slug, stepId), noContent, { method: 'DELETE' }));
}

export function useReorderPlan(slug: string) {
  return usePlanMutation(slug, (stepIds: string[]) => fetchJson(planUrls.order(slug), planSchema, jsonBody('PUT', { stepIds })));
}

export function useLinkPlanRun(slug: string) {
  return usePlanMutation(slug, ({ stepId, runKey, linked }: { stepId: string; runKey: string; linked: boolean }) =>
    fetchJson(planUrls.stepRun(slug, stepId, runKey), planStepRunLinkSchema, { method: linked ? 'PUT' : 'DELETE' }),
  );
}

/** POST …/plan/estimate: the step planned as if added, without saving it. */
export function useEstimatePlanStep(slug: string) {
  return useMutation({ mutationFn: (input: PlanEstimateRequest) => fetchJson(planUrls.estimate(slug), planEstimateSchema, jsonBody('POST', input)) });
}

/** PATCH /projects/{slug} with hardware, budget or price; the plan is recomputed. */
export function useUpdateProjectHardware(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Pick<ProjectUpdateInput, 'gpuType' | 'gpuCount' | 'budgetGpuHours' | 'budgetUsd' | 'gpuHourPriceUsd'>) =>
      fetchJson(apiUrls.project(slug), z.object({ project: projectSchema }), { method: 'PATCH', body: JSON.stringify(input), headers: { 'content-type': 'application/json' } }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: projectQueries.all() });
      void queryClient.invalidateQueries({ queryKey: planQueries.project(slug) });
    },
  });
}

/** The primary reported results of these papers a step can target (benchmarks left out), by paper. */
export function useTargetChoices(paperIds: readonly string[]) {
  return useQueries({
    queries: paperIds.map((id) => paperQueries.detail(id)),
    combine: (results) => ({
      isPending: results.some((result) => result.isPending),
      error: results.find((result) => result.error)?.error ?? null,
      choices: results.flatMap((result) =>
        (result.data?.groups ?? [])
          .map((group) => group.primary)
          .filter((row) => row.resultType !== 'benchmark' && row.resultType !== 're-evaluation' && row.resultType !== 'abstract-claim')
          .map((row) => ({ id: row.id, paperId: row.paperId, resultKey: row.resultKey, model: row.model, top1: row.metrics.zeroshot_in1k_top1 ?? null, resultType: row.resultType })),
      ),
    }),
  });
}

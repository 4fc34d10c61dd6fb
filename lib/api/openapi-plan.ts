/**
 * OpenAPI operations of the reproduction plan, registered in lib/api/openapi.ts. Hardware and budget
 * are project settings (PATCH /projects/{project}: gpuType, gpuCount, budgetGpuHours, budgetUsd).
 */
import {
  planEstimateRequestSchema,
  planEstimateSchema,
  planOrderSchema,
  planSchema,
  planStepCreateSchema,
  planStepParamsSchema,
  planStepResponseSchema,
  planStepRunLinkSchema,
  planStepRunParamsSchema,
  planStepUpdateSchema,
} from '@/lib/schemas/plan';
import { projectParamsSchema } from '@/lib/schemas/route-params';
import type { Operation } from './openapi';

export const planOperations: Operation[] = [
  { method: 'get', path: '/projects/{project}/plan', summary: 'The reproduction plan: steps with planned vs spent GPU-hours and cost, status, projected finish, totals and the budget check (viewer)', params: projectParamsSchema, response: planSchema },
  { method: 'post', path: '/projects/{project}/plan/steps', summary: 'Add a step: a reported result (reportedResultId or reportedResultKey) or a pilot (model, samplesSeen, …) (member)', params: projectParamsSchema, body: planStepCreateSchema, response: planStepResponseSchema, status: 201 },
  { method: 'patch', path: '/projects/{project}/plan/steps/{step}', summary: 'Change a step (member)', params: planStepParamsSchema, body: planStepUpdateSchema, response: planStepResponseSchema },
  { method: 'delete', path: '/projects/{project}/plan/steps/{step}', summary: 'Remove a step; its runs stay, unlinked (member)', params: planStepParamsSchema, status: 204 },
  { method: 'put', path: '/projects/{project}/plan/order', summary: 'Put the steps in a new order; every step once (member)', params: projectParamsSchema, body: planOrderSchema, response: planSchema },
  { method: 'put', path: '/projects/{project}/plan/steps/{step}/runs/{run}', summary: 'Link a run to the step it carries out (member)', params: planStepRunParamsSchema, response: planStepRunLinkSchema },
  { method: 'delete', path: '/projects/{project}/plan/steps/{step}/runs/{run}', summary: 'Unlink a run from a step (member)', params: planStepRunParamsSchema, response: planStepRunLinkSchema },
  { method: 'post', path: '/projects/{project}/plan/estimate', summary: "Plan a step without saving it: GFLOPs, GPU-hours, wall time and cost on the project's hardware, and the budget with it added (viewer)", params: projectParamsSchema, body: planEstimateRequestSchema, response: planEstimateSchema },
];

import 'server-only';
import { PlanInputError, PlanStepNotFoundError } from '@/lib/db/plan-steps';
import { UnknownReportedResultError } from '@/lib/db/runs';
import { ApiError } from './api-error';

/** Runs a plan edit and turns the repository's errors into API errors that name the field or the step. */
export async function withPlanErrors<T>(projectSlug: string, body: { reportedResultKey?: string }, edit: () => Promise<T>): Promise<T> {
  try {
    return await edit();
  } catch (error) {
    if (error instanceof PlanStepNotFoundError) throw new ApiError('not_found', `step: no step "${error.message}" in the plan of project "${projectSlug}"`);
    if (error instanceof PlanInputError) throw new ApiError('bad_request', `body.${error.field}: ${error.message}`, [{ path: `body.${error.field}`, message: error.message }]);
    if (error instanceof UnknownReportedResultError) {
      const field = body.reportedResultKey !== undefined ? 'reportedResultKey' : 'reportedResultId';
      throw new ApiError('bad_request', `body.${field}: no reported result "${error.message}"`, [{ path: `body.${field}`, message: `no reported result "${error.message}"` }]);
    }
    throw error;
  }
}

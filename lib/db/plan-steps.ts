import 'server-only';
/**
 * Edits of a plan: add, change, remove and reorder steps, and link the runs that carry a step out.
 * Positions stay 0…n−1 in step order; every multi-row change runs in one transaction.
 */
import { formatCount } from '@/lib/charts/format';
import type { PlanStepCreateInput, PlanStepUpdateInput } from '@/lib/schemas/plan';
import type { Db } from './client';
import { resolveReportedResult } from './plan';

/** A request the current steps make impossible; `field` is the body field to name in the 400. */
export class PlanInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class PlanStepNotFoundError extends Error {}

type StepFields = Omit<PlanStepUpdateInput, 'reportedResultKey'>;

/** Adds a step at `position` (clamped; the end by default); answers with its id. */
export async function createPlanStep(db: Db, projectId: string, input: PlanStepCreateInput): Promise<string> {
  const result = await resolveReportedResult(db, input);
  const { reportedResultKey: _key, position: wanted, ...fields } = input;
  const title = fields.title ?? (result ? `${result.model} · ${result.resultKey.split('_').slice(2).join(' ') || result.resultKey}` : `Pilot ${fields.model} · ${formatCount(fields.samplesSeen ?? 0)} samples`);
  return db.$transaction(async (tx) => {
    const count = await tx.planStep.count({ where: { projectId } });
    const position = Math.min(wanted ?? count, count);
    await tx.planStep.updateMany({ where: { projectId, position: { gte: position } }, data: { position: { increment: 1 } } });
    const step = await tx.planStep.create({ data: { ...fields, title, projectId, position, reportedResultId: result?.id ?? null }, select: { id: true } });
    return step.id;
  });
}

/** Changes the fields given; the step must still name a result, or a pilot model and samples. */
export async function updatePlanStep(db: Db, projectId: string, stepId: string, input: PlanStepUpdateInput): Promise<void> {
  const current = await db.planStep.findFirst({ where: { id: stepId, projectId } });
  if (!current) throw new PlanStepNotFoundError(stepId);
  const { reportedResultKey, ...fields } = input;
  const data: StepFields = { ...fields };
  if (reportedResultKey !== undefined || fields.reportedResultId !== undefined) {
    data.reportedResultId = (await resolveReportedResult(db, { reportedResultId: fields.reportedResultId, reportedResultKey }))?.id ?? null;
  }
  const merged = { ...current, ...data };
  if (merged.reportedResultId === null) {
    if (merged.model === null) throw new PlanInputError('model', 'a pilot step needs a model (or target a reported result with reportedResultId)');
    if (merged.samplesSeen === null) throw new PlanInputError('samplesSeen', 'a pilot step needs its samples seen (or target a reported result with reportedResultId)');
  }
  await db.planStep.update({ where: { id: stepId }, data });
}

export async function deletePlanStep(db: Db, projectId: string, stepId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const step = await tx.planStep.findFirst({ where: { id: stepId, projectId }, select: { position: true } });
    if (!step) throw new PlanStepNotFoundError(stepId);
    await tx.planStep.delete({ where: { id: stepId } });
    await tx.planStep.updateMany({ where: { projectId, position: { gt: step.position } }, data: { position: { decrement: 1 } } });
  });
}

/** Puts the steps in the given order; the list must name every step of the plan exactly once. */
export async function reorderPlanSteps(db: Db, projectId: string, stepIds: readonly string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const steps = await tx.planStep.findMany({ where: { projectId }, select: { id: true } });
    const known = new Set(steps.map((step) => step.id));
    const unknown = stepIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new PlanInputError('stepIds', `no step "${unknown}" in this plan`);
    if (new Set(stepIds).size !== stepIds.length || stepIds.length !== steps.length) {
      throw new PlanInputError('stepIds', `list each of the plan's ${steps.length} steps exactly once`);
    }
    for (const [position, id] of stepIds.entries()) await tx.planStep.update({ where: { id }, data: { position } });
  });
}

/** Links a run to the step it carries out (a run carries out one step), or unlinks it from `stepId`. */
export async function setRunPlanStep(db: Db, projectId: string, stepId: string, runId: string, linked: boolean): Promise<void> {
  const step = await db.planStep.findFirst({ where: { id: stepId, projectId }, select: { id: true } });
  if (!step) throw new PlanStepNotFoundError(stepId);
  if (linked) await db.run.update({ where: { id: runId }, data: { planStepId: stepId } });
  else await db.run.updateMany({ where: { id: runId, planStepId: stepId }, data: { planStepId: null } });
}

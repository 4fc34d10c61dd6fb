/**
 * Form text ↔ step requests. Sample counts accept the papers' notation ("512M", "12.8B"); an empty
 * field is null (the model's own size, full text length, no fine-tuning).
 */
import { parseSampleCount } from '@/lib/compute/schedule';
import type { PlanStep, PlanStepUpdateInput } from '@/lib/schemas/plan';
import { EMPTY_TARGET, type TargetDraft } from './step-target-fields';

export interface StepDraft {
  target: TargetDraft;
  title: string;
  assumed: string;
  notes: string;
}

export const EMPTY_STEP: StepDraft = { target: EMPTY_TARGET, title: '', assumed: '', notes: '' };

const text = (value: number | null) => (value === null ? '' : String(value));

export function draftOf(step: PlanStep): StepDraft {
  const { target } = step;
  const pilot =
    target.kind === 'pilot'
      ? {
          model: target.model ?? '',
          samplesSeen: text(target.samplesSeen),
          imageRes: text(target.imageRes),
          textTokenLen: text(target.textTokenLen),
          finetuneSamplesSeen: text(target.finetuneSamplesSeen),
          finetuneImageRes: text(target.finetuneImageRes),
          expectedTop1: text(target.expectedTop1),
        }
      : {};
  return {
    target: { ...EMPTY_TARGET, ...pilot, kind: target.kind, reportedResultId: target.kind === 'result' ? target.reportedResultId : '' },
    title: step.title,
    assumed: text(step.assumedSamplesPerSecondPerGpu),
    notes: step.notes,
  };
}

/**
 * A number, a sample count in the papers' notation, or null when empty. Text that is no number is
 * sent as typed, so the server's 400 names the field instead of the value silently becoming null.
 */
function readNumber(value: string, samples = false): number | null {
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const number = (samples ? parseSampleCount(trimmed) : null) ?? Number(trimmed);
  return Number.isFinite(number) ? number : (trimmed as unknown as number);
}

export function targetRequest(target: TargetDraft): Pick<PlanStepUpdateInput, 'reportedResultId' | 'model' | 'samplesSeen' | 'imageRes' | 'textTokenLen' | 'finetuneSamplesSeen' | 'finetuneImageRes' | 'expectedTop1'> {
  if (target.kind === 'result') return { reportedResultId: target.reportedResultId || null };
  return {
    reportedResultId: null,
    model: target.model.trim() || null,
    samplesSeen: readNumber(target.samplesSeen, true),
    imageRes: readNumber(target.imageRes),
    textTokenLen: readNumber(target.textTokenLen),
    finetuneSamplesSeen: readNumber(target.finetuneSamplesSeen, true),
    finetuneImageRes: readNumber(target.finetuneImageRes),
    expectedTop1: readNumber(target.expectedTop1),
  };
}

export function stepRequest(draft: StepDraft): PlanStepUpdateInput {
  return {
    ...targetRequest(draft.target),
    ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
    assumedSamplesPerSecondPerGpu: readNumber(draft.assumed),
    notes: draft.notes,
  };
}

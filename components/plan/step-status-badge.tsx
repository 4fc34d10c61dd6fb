import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { PlanStep } from '@/lib/schemas/plan';

const LABELS: Record<PlanStep['status'], string> = {
  not_started: 'Not started',
  running: 'Running',
  done: 'Done',
  reproduced: 'Reproduced',
  not_reproduced: 'Not reproduced',
};

const TONES: Record<PlanStep['status'], BadgeTone> = {
  not_started: 'neutral',
  running: 'blue',
  done: 'accent',
  reproduced: 'green',
  not_reproduced: 'red',
};

/** A step's status; a running step whose runs all went quiet says so. */
export function StepStatusBadge({ step }: { step: Pick<PlanStep, 'status' | 'stalled' | 'verdict'> }) {
  const title = step.verdict === 'close' ? 'Within twice the tolerance of the target, not within it' : undefined;
  return (
    <span data-testid="step-status" data-status={step.status} className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={TONES[step.status]} title={title}>
        {LABELS[step.status]}
        {step.verdict === 'close' ? ' (close)' : ''}
      </Badge>
      {step.stalled && <Badge tone="amber">stalled</Badge>}
    </span>
  );
}

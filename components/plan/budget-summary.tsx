import { cn } from '@/components/ui/cn';
import { formatGpuHours, formatUsd } from '@/lib/plan/budget';
import type { Plan } from '@/lib/schemas/plan';

const VERDICTS: Record<Plan['budget']['verdict'], { label: string; className: string }> = {
  within: { label: 'Within budget', className: 'border-emerald-200 bg-emerald-50 text-emerald-800' },
  over: { label: 'Over budget', className: 'border-red-200 bg-red-50 text-red-800' },
  incomplete: { label: 'Budget not checkable yet', className: 'border-amber-200 bg-amber-50 text-amber-800' },
  no_budget: { label: 'No budget set', className: 'border-zinc-200 bg-zinc-100 text-zinc-700' },
};

/** The line a PI reads first: does the budget hold, and planned, spent and forecast against it. */
export function BudgetSummary({ plan }: { plan: Plan }) {
  const { totals, budget, hardware } = plan;
  const verdict = VERDICTS[budget.verdict];
  const remaining = [budget.remainingGpuHours !== null ? formatGpuHours(budget.remainingGpuHours) : null, budget.remainingUsd !== null ? formatUsd(budget.remainingUsd) : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  const limit = [hardware.budgetGpuHours !== null ? formatGpuHours(hardware.budgetGpuHours) : null, hardware.budgetUsd !== null ? formatUsd(hardware.budgetUsd) : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  return (
    <section aria-label="Budget" className="space-y-3">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <div className={cn('col-span-2 rounded-lg border px-4 py-3 lg:col-span-1', verdict.className)} data-testid="budget-verdict" data-verdict={budget.verdict}>
          <p className="text-lg font-semibold">{verdict.label}</p>
          <p className="text-xs">{limit ? `Budget ${limit}` : 'Set one under Hardware and budget'}</p>
        </div>
        <Tile label="Planned" testId="total-planned" hours={totals.plannedGpuHours} usd={totals.plannedCostUsd} note={totals.stepsWithoutEstimate > 0 ? `${totals.stepsWithoutEstimate} step(s) without estimate` : `${totals.steps} step(s)`} />
        <Tile label="Spent" testId="total-spent" hours={totals.spentGpuHours} usd={totals.spentCostUsd} note="logged wall time × GPUs" />
        <Tile label="Forecast" testId="total-forecast" hours={totals.forecastGpuHours} usd={totals.forecastCostUsd} note="spent, projected, then planned" />
        <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">Left after forecast</p>
          <p className="text-lg font-semibold tabular-nums text-zinc-900" data-testid="budget-remaining">
            {remaining || '—'}
          </p>
        </div>
      </div>
      {budget.warnings.length > 0 && (
        <ul aria-label="Budget warnings" className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {budget.warnings.map((warning) => (
            <li key={`${warning.code}:${warning.stepId ?? ''}:${warning.message}`} data-testid="budget-warning" data-code={warning.code}>
              {warning.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Tile({ label, testId, hours, usd, note }: { label: string; testId: string; hours: number; usd: number; note: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3" data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
      <p className="text-lg font-semibold tabular-nums text-zinc-900">{formatGpuHours(hours)}</p>
      <p className="text-xs tabular-nums text-zinc-600">
        {formatUsd(usd)} · {note}
      </p>
    </div>
  );
}

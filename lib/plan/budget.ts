/**
 * Does the plan fit the project's budget? Compared in GPU-hours and in dollars, each only when the
 * project sets that budget.
 *
 * Decisions:
 * - The plan (Σ planned) over budget is a warning even while nothing has run: that is the moment a
 *   PI can still change it. The forecast (planned for steps not started, the larger of planned and
 *   projected while running, spent once ended) over budget, and spent over budget, are warnings too.
 * - "over" if any of those exceed a budget; "incomplete" when the known part fits but a step has no
 *   estimate (its cost is unknown, so the budget cannot be said to hold); otherwise "within".
 * - A step that spent more than it planned, a step without an estimate, and a project without a GPU
 *   count (no wall times) are reported per step / once, whatever the budget.
 */
import type { BudgetCheck, PlanTotals } from '@/lib/schemas/plan';

export interface BudgetStep {
  id: string;
  title: string;
  plannedGpuHours: number | null;
  /** Why there is no planned figure. */
  unavailable: string | null;
  spentGpuHours: number;
}

export interface BudgetInput {
  budgetGpuHours: number | null;
  budgetUsd: number | null;
  gpuCount: number | null;
  totals: PlanTotals;
  steps: readonly BudgetStep[];
}

type Warning = BudgetCheck['warnings'][number];

export function checkBudget(input: BudgetInput): BudgetCheck {
  const { totals } = input;
  const warnings: Warning[] = [];
  let over = false;
  const compare = (budget: number | null, unit: (value: number) => string, figures: { planned: number; forecast: number; spent: number }) => {
    if (budget === null) return;
    if (figures.planned > budget) warnings.push({ code: 'plan_over_budget', stepId: null, message: `The plan needs ${unit(figures.planned)}, over the budget of ${unit(budget)} by ${unit(figures.planned - budget)}.` });
    if (figures.forecast > budget && figures.forecast > figures.planned) warnings.push({ code: 'forecast_over_budget', stepId: null, message: `The forecast of ${unit(figures.forecast)} is over the budget of ${unit(budget)}.` });
    if (figures.spent > budget) warnings.push({ code: 'spent_over_budget', stepId: null, message: `Already spent ${unit(figures.spent)}, over the budget of ${unit(budget)}.` });
    over ||= Math.max(figures.planned, figures.forecast, figures.spent) > budget;
  };
  compare(input.budgetGpuHours, formatGpuHours, { planned: totals.plannedGpuHours, forecast: totals.forecastGpuHours, spent: totals.spentGpuHours });
  compare(input.budgetUsd, formatUsd, { planned: totals.plannedCostUsd, forecast: totals.forecastCostUsd, spent: totals.spentCostUsd });

  for (const step of input.steps) {
    if (step.plannedGpuHours === null) {
      warnings.push({ code: 'step_without_estimate', stepId: step.id, message: `"${step.title}" has no GPU-hour estimate: ${step.unavailable ?? 'unknown reason'}.` });
    } else if (step.spentGpuHours > step.plannedGpuHours) {
      warnings.push({ code: 'step_over_plan', stepId: step.id, message: `"${step.title}" spent ${formatGpuHours(step.spentGpuHours)} of the ${formatGpuHours(step.plannedGpuHours)} planned.` });
    }
  }
  if (input.gpuCount === null && input.steps.length > 0) {
    warnings.push({ code: 'no_gpu_count', stepId: null, message: 'Set the number of GPUs to see wall times.' });
  }

  const hasBudget = input.budgetGpuHours !== null || input.budgetUsd !== null;
  const verdict = !hasBudget ? 'no_budget' : over ? 'over' : totals.stepsWithoutEstimate > 0 ? 'incomplete' : 'within';
  return {
    verdict,
    remainingGpuHours: input.budgetGpuHours === null ? null : input.budgetGpuHours - totals.forecastGpuHours,
    remainingUsd: input.budgetUsd === null ? null : input.budgetUsd - totals.forecastCostUsd,
    warnings,
  };
}

/** "1,234 GPU-h", "12.5 GPU-h", "0.25 GPU-h". */
export function formatGpuHours(value: number): string {
  return `${formatAmount(value)} GPU-h`;
}

/** "$1,234", "$12.50". */
export function formatUsd(value: number): string {
  const sign = value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  return `${sign}$${magnitude >= 1000 ? Math.round(magnitude).toLocaleString('en-US') : magnitude.toFixed(2)}`;
}

function formatAmount(value: number): string {
  const sign = value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return `${sign}${Math.round(magnitude).toLocaleString('en-US')}`;
  return `${sign}${Number(magnitude.toPrecision(3))}`;
}

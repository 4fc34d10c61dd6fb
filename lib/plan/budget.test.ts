import { describe, expect, it } from 'vitest';
import type { PlanTotals } from '@/lib/schemas/plan';
import { checkBudget, formatGpuHours, formatUsd, type BudgetInput } from './budget';

const totals = (fields: Partial<PlanTotals>): PlanTotals => ({
  steps: 2,
  stepsWithoutEstimate: 0,
  plannedGpuHours: 0,
  plannedCostUsd: 0,
  spentGpuHours: 0,
  spentCostUsd: 0,
  forecastGpuHours: 0,
  forecastCostUsd: 0,
  ...fields,
});

const input = (fields: Partial<BudgetInput>): BudgetInput => ({ budgetGpuHours: 100, budgetUsd: null, gpuCount: 8, totals: totals({}), steps: [], ...fields });

describe('checkBudget', () => {
  it('holds when the plan and its forecast fit, and says what is left', () => {
    const check = checkBudget(input({ totals: totals({ plannedGpuHours: 80, forecastGpuHours: 90, spentGpuHours: 30 }) }));
    expect(check).toEqual({ verdict: 'within', remainingGpuHours: 10, remainingUsd: null, warnings: [] });
  });

  it('warns when the plan exceeds the budget, before anything ran', () => {
    const check = checkBudget(input({ totals: totals({ plannedGpuHours: 210, forecastGpuHours: 210 }) }));
    expect(check.verdict).toBe('over');
    expect(check.remainingGpuHours).toBe(-110);
    expect(check.warnings).toEqual([{ code: 'plan_over_budget', stepId: null, message: 'The plan needs 210 GPU-h, over the budget of 100 GPU-h by 110 GPU-h.' }]);
  });

  it('warns when the forecast or the spending exceeds it, in dollars too', () => {
    const check = checkBudget(
      input({ budgetUsd: 150, totals: totals({ plannedGpuHours: 90, plannedCostUsd: 135, forecastGpuHours: 120, forecastCostUsd: 180, spentGpuHours: 101, spentCostUsd: 151.5 }) }),
    );
    expect(check.verdict).toBe('over');
    expect(check.remainingUsd).toBe(-30);
    expect(check.warnings.map((warning) => warning.code)).toEqual(['forecast_over_budget', 'spent_over_budget', 'forecast_over_budget', 'spent_over_budget']);
    expect(check.warnings[2]!.message).toBe('The forecast of $180.00 is over the budget of $150.00.');
  });

  it('cannot say the budget holds while a step has no estimate', () => {
    const check = checkBudget(
      input({
        totals: totals({ plannedGpuHours: 10, forecastGpuHours: 10, stepsWithoutEstimate: 1 }),
        steps: [{ id: 's1', title: 'Pilot', plannedGpuHours: null, unavailable: 'the pilot names no model', spentGpuHours: 0 }],
      }),
    );
    expect(check.verdict).toBe('incomplete');
    expect(check.warnings).toEqual([{ code: 'step_without_estimate', stepId: 's1', message: '"Pilot" has no GPU-hour estimate: the pilot names no model.' }]);
  });

  it('flags a step that spent more than planned, and a missing GPU count, without a budget', () => {
    const check = checkBudget(
      input({ budgetGpuHours: null, gpuCount: null, steps: [{ id: 's1', title: 'B/32', plannedGpuHours: 10, unavailable: null, spentGpuHours: 12.5 }] }),
    );
    expect(check.verdict).toBe('no_budget');
    expect(check.warnings.map((warning) => [warning.code, warning.message])).toEqual([
      ['step_over_plan', '"B/32" spent 12.5 GPU-h of the 10 GPU-h planned.'],
      ['no_gpu_count', 'Set the number of GPUs to see wall times.'],
    ]);
  });
});

describe('formats', () => {
  it('prints GPU-hours and dollars the way a budget is read', () => {
    expect(formatGpuHours(5916.3)).toBe('5,916 GPU-h');
    expect(formatGpuHours(0.4222)).toBe('0.422 GPU-h');
    expect(formatUsd(9324)).toBe('$9,324');
    expect(formatUsd(20)).toBe('$20.00');
    expect(formatUsd(-30)).toBe('−$30.00');
  });
});

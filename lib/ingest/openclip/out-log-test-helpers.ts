import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { MetricPointInput } from '../metric-point';

// Shared by the out.log parser tests (not a test file itself: vitest only runs *.test.ts).

const FIXTURES = new URL('../../../test/fixtures/openclip/', import.meta.url);

export const readFixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

export const utc = (month: number, day: number, hour: number, minute: number, second: number, year = 2024) =>
  Date.UTC(year, month - 1, day, hour, minute, second);

export interface StepView {
  samplesSeen: number | null;
  epoch: number | null;
  wallTime: number | null;
  values: Record<string, number>;
}

/** Points of one key family grouped by step; every point of a step must agree on its axes. */
export function byStep(points: readonly MetricPointInput[], family: 'train/' | 'val/'): Record<number, StepView> {
  const steps: Record<number, StepView> = {};
  for (const point of points.filter((candidate) => candidate.key.startsWith(family))) {
    const view = (steps[point.step] ??= { samplesSeen: point.samplesSeen, epoch: point.epoch, wallTime: point.wallTime, values: {} });
    expect({ samplesSeen: point.samplesSeen, epoch: point.epoch, wallTime: point.wallTime }).toEqual({ samplesSeen: view.samplesSeen, epoch: view.epoch, wallTime: view.wallTime });
    expect(view.values).not.toHaveProperty(point.key);
    view.values[point.key.slice(family.length)] = point.value;
  }
  return steps;
}

/** [step, value] pairs of one key, in output order. */
export const series = (points: readonly MetricPointInput[], key: string) =>
  points.filter((point) => point.key === key).map((point) => [point.step, point.value]);

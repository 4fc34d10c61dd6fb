import type { MetricPointInput } from './metric-point';

/** Each key's points in the order given; keys in order of first appearance. */
export type PointsByKey = ReadonlyMap<string, readonly MetricPointInput[]>;

export function groupPointsByKey(points: readonly MetricPointInput[]): PointsByKey {
  const groups = new Map<string, MetricPointInput[]>();
  for (const point of points) {
    const group = groups.get(point.key);
    if (group) group.push(point);
    else groups.set(point.key, [point]);
  }
  return groups;
}

/**
 * True when every key's steps strictly increase, so no (key, step) repeats. Logs count steps up,
 * so this check usually spares a de-duplication that builds an identity per point.
 */
export function hasIncreasingSteps(byKey: PointsByKey): boolean {
  for (const group of byKey.values()) {
    for (let index = 1; index < group.length; index += 1) {
      if (!(group[index]!.step > group[index - 1]!.step)) return false;
    }
  }
  return true;
}

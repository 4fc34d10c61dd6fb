import type { MetricPointInput } from './metric-point';

/**
 * Keeps one point per (key, step), the last one given, placed where that last one occurred: a resumed
 * run re-logs the steps after its checkpoint and the store's upsert would keep the last value too.
 */
export function keepLastPointPerStep(points: readonly MetricPointInput[]): MetricPointInput[] {
  const byIdentity = new Map<string, MetricPointInput>();
  for (const point of points) {
    const identity = `${point.key}\u0000${point.step}`;
    byIdentity.delete(identity);
    byIdentity.set(identity, point);
  }
  return [...byIdentity.values()];
}

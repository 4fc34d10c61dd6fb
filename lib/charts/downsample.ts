/**
 * Reduces a series to about `buckets` groups, keeping per bucket the minimum, the maximum and the
 * last point, so a one-step loss spike survives (a random sample, as TensorBoard's reservoir takes,
 * can drop it). Buckets are equal ranges of x, so the result is deterministic for the same data.
 */
export interface XYPoint {
  x: number;
  y: number | null;
}

export function downsampleMinMaxLast<T extends XYPoint>(points: readonly T[], buckets: number): T[] {
  if (points.length <= buckets * 3 || points.length < 2) return [...points];
  const first = points[0]!.x;
  const last = points[points.length - 1]!.x;
  const width = (last - first) / buckets || 1;
  const kept: T[] = [];
  let bucketIndex = -1;
  let group: T[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const finite = group.filter((point) => point.y !== null && Number.isFinite(point.y));
    const chosen = new Set<T>([group[group.length - 1]!]);
    if (finite.length > 0) {
      chosen.add(finite.reduce((min, point) => (point.y! < min.y! ? point : min)));
      chosen.add(finite.reduce((max, point) => (point.y! > max.y! ? point : max)));
    }
    // Non-finite values (NaN losses) are what a user must see, so they are never dropped.
    for (const point of group) if (point.y === null) chosen.add(point);
    kept.push(...group.filter((point) => chosen.has(point)));
    group = [];
  };
  for (const point of points) {
    const index = Math.min(buckets - 1, Math.floor((point.x - first) / width));
    if (index !== bucketIndex) {
      flush();
      bucketIndex = index;
    }
    group.push(point);
  }
  flush();
  return kept;
}

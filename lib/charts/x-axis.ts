/**
 * The x-axes a training curve can be drawn against. The choice lives in the URL (`?x=samples`), so
 * anything unknown or missing falls back to `step`, the one x every stored point has.
 */
export const X_AXES = ['step', 'samples', 'epoch', 'time'] as const;
export type XAxis = (typeof X_AXES)[number];

export const X_AXIS_LABELS: Record<XAxis, string> = {
  step: 'Step',
  samples: 'Samples seen',
  epoch: 'Epoch',
  time: 'Wall time',
};

export function parseXAxis(value: string | string[] | null | undefined): XAxis {
  const first = Array.isArray(value) ? value[0] : value;
  return X_AXES.find((axis) => axis === first) ?? 'step';
}

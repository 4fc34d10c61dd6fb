/**
 * Round tick values inside [min, max], so an axis reads 0, 500, 1k, 1.5k rather than 1, 451, 901.
 * Numbers step by 1, 2 or 5 × 10^k; wall times step by whole minutes, hours or days (aligned to
 * multiples of the step since the epoch, so in UTC; whole-hour zones see the same round hours).
 */
export function niceTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  const power = 10 ** Math.floor(Math.log10((max - min) / Math.max(1, maxTicks - 1)));
  const candidates = [0.1, 1, 10].flatMap((scale) => [1, 2, 2.5, 5].map((factor) => factor * scale * power));
  const step = candidates.find((candidate) => fits(min, max, candidate, maxTicks)) ?? 10 * power;
  return ticksEvery(min, max, step);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

export function niceTimeTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  const step = TIME_STEPS.find((candidate) => fits(min, max, candidate, maxTicks));
  return step ? ticksEvery(min, max, step) : niceTicks(min, max, maxTicks);
}

/** Whether stepping by `step` puts at least two and at most `maxTicks` ticks in [min, max]. */
function fits(min: number, max: number, step: number, maxTicks: number): boolean {
  const count = Math.floor(max / step + 1e-9) - Math.ceil(min / step - 1e-9) + 1;
  return count <= maxTicks && count >= 2;
}

function ticksEvery(min: number, max: number, step: number): number[] {
  const ticks: number[] = [];
  const first = Math.ceil(min / step - 1e-9) * step;
  for (let tick = first; tick <= max + step * 1e-9; tick += step) {
    // Repeated addition drifts (0.1 + 0.2); round to the step's precision.
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}

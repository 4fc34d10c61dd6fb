/**
 * A published scaling law (scaling_laws.csv: E = A · C^alpha, E an error fraction, C in forward GMACs)
 * evaluated on the app's compute unit, training GFLOPs. The conversion is the named one in
 * lib/compute/units.ts, so the law and the lab's fit share one axis:
 * E(G) = A · (trainingGflopsToScalingLawCompute(G))^alpha, i.e. A' = A · (1/6)^alpha per training GFLOP.
 */
import { trainingGflopsToScalingLawCompute } from '@/lib/compute/units';
import type { PaperChartScalingLaw } from '@/lib/schemas/paper-charts';

export function predictLawErrorAtTrainingGflops(law: Pick<PaperChartScalingLaw, 'a' | 'alpha'>, trainingGflops: number): number {
  return law.a * trainingGflopsToScalingLawCompute(trainingGflops) ** law.alpha;
}

/** The coefficient of the same law written per training GFLOP (the exponent does not change with the unit). */
export function lawCoefficientPerTrainingGflop(law: Pick<PaperChartScalingLaw, 'a' | 'alpha'>): number {
  return law.a * trainingGflopsToScalingLawCompute(1) ** law.alpha;
}

/** The law the fit chart overlays: OpenCLIP's own (fit on 29 models), not OpenAI CLIP's three. */
export function pickReferenceLaw(laws: readonly PaperChartScalingLaw[]): PaperChartScalingLaw | null {
  return laws.find((law) => law.modelFamily === 'OpenCLIP') ?? null;
}

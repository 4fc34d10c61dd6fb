/**
 * GPU types the plan knows a peak for, used only when the lab has neither measured a run of the
 * step's model nor entered a throughput. The figure is an assumption and says so.
 *
 * Peaks are dense BF16 tensor-core TFLOPS (no 2:4 sparsity) from NVIDIA's data sheets: A100
 * (SXM4, 40 and 80 GB: 312), H100 SXM (989) and H100 PCIe (756). Training never runs at peak; the
 * utilisation is the one CLIPA-v2's own estimate implies: its Table 4 prices the H/14 "$10,000
 * budget" model (12.8B samples @70 px + 512M @224 px) at 5,920 A100-80GB hours, and our accounting
 * of that schedule (lib/compute/accounting.ts) is 1.834e12 training GFLOPs, i.e. 86.1 TFLOP/s per
 * A100 = 27.6 % of 312 (gpu-types.test.ts recomputes it from the shipped reference data). The
 * authors trained on TPUs, so this is their estimate for A100s, not a measurement (reference/README.md,
 * caveat 9); a lab's own runs replace it as soon as one of the step's model has logged throughput.
 */
export interface GpuType {
  /** The name a lab enters as the project's GPU type. */
  name: string;
  /** Other spellings that mean the same GPU. */
  aliases: readonly string[];
  peakTflops: number;
  source: string;
}

export const GPU_TYPES: readonly GpuType[] = [
  { name: 'A100-80GB', aliases: ['A100', 'A100 80GB', 'A100-SXM4-80GB'], peakTflops: 312, source: 'NVIDIA A100 data sheet: 312 TFLOPS BF16 tensor (dense)' },
  { name: 'A100-40GB', aliases: ['A100 40GB', 'A100-SXM4-40GB'], peakTflops: 312, source: 'NVIDIA A100 data sheet: 312 TFLOPS BF16 tensor (dense)' },
  { name: 'H100-SXM', aliases: ['H100', 'H100 SXM', 'H100-SXM5-80GB'], peakTflops: 989, source: 'NVIDIA H100 data sheet: 989 TFLOPS BF16 tensor, SXM (1,979 with sparsity)' },
  { name: 'H100-PCIe', aliases: ['H100 PCIe', 'H100-PCIE-80GB'], peakTflops: 756, source: 'NVIDIA H100 data sheet: 756 TFLOPS BF16 tensor, PCIe (1,513 with sparsity)' },
];

/** Fraction of peak that CLIPA-v2's A100-hour estimate implies (see the module comment). */
export const REFERENCE_UTILISATION = 0.276;

export const REFERENCE_UTILISATION_SOURCE = "27.6 % (the utilisation CLIPA-v2's 5,920 A100-hour estimate for H/14 @70+224 implies)";

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The table row a lab's GPU type names (case, spaces and dashes ignored); null for an unknown GPU. */
export function findGpuType(name: string | null | undefined): GpuType | null {
  if (!name) return null;
  const wanted = normalise(name);
  return GPU_TYPES.find((gpu) => [gpu.name, ...gpu.aliases].some((candidate) => normalise(candidate) === wanted)) ?? null;
}

/** Training GFLOP/s one GPU of this type is assumed to sustain: peak × the reference utilisation. */
export function assumedGflopsPerSecond(gpu: GpuType): number {
  return gpu.peakTflops * 1000 * REFERENCE_UTILISATION;
}

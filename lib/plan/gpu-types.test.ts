import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accountReportedResult } from '@/lib/compute/accounting';
import { loadModelProfiles, loadReference } from '@/lib/reference/load-reference';
import { assumedGflopsPerSecond, findGpuType, REFERENCE_UTILISATION } from './gpu-types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('findGpuType', () => {
  it('reads the names labs write, ignoring case, spaces and dashes', () => {
    expect(findGpuType('A100')?.name).toBe('A100-80GB');
    expect(findGpuType('a100 80gb')?.name).toBe('A100-80GB');
    expect(findGpuType('A100-40GB')?.name).toBe('A100-40GB');
    expect(findGpuType('h100')?.name).toBe('H100-SXM');
    expect(findGpuType('H100 PCIe')?.name).toBe('H100-PCIe');
  });

  it('knows nothing it has no data-sheet figure for', () => {
    expect(findGpuType('RTX 4090')).toBeNull();
    expect(findGpuType('')).toBeNull();
    expect(findGpuType(null)).toBeNull();
  });
});

describe('assumed throughput of a GPU type', () => {
  it('is peak × the reference utilisation: 312 TFLOPS × 0.276 = 86,112 GFLOP/s for an A100', () => {
    expect(assumedGflopsPerSecond(findGpuType('A100')!)).toBeCloseTo(86_112, 6);
    expect(assumedGflopsPerSecond(findGpuType('H100')!)).toBeCloseTo(989_000 * 0.276, 6);
  });

  it('takes its utilisation from CLIPA-v2 Table 4: H/14 12.8B@70 + 512M@224 in 5,920 A100 hours', () => {
    const row = loadReference(ROOT).results.find((seed) => seed.resultKey === 'clipa-v2_H14_datacomp1b_70-224' && seed.isPrimary)!;
    expect(row.gpuHours).toBe(5920);
    const gflops = accountReportedResult(row, loadModelProfiles(ROOT)).ours!.totalGflops;
    expect(gflops / 1e12).toBeCloseTo(1.834, 3);
    const utilisation = gflops / (row.gpuHours! * 3600) / 312_000;
    expect(utilisation).toBeCloseTo(REFERENCE_UTILISATION, 3);
  });
});

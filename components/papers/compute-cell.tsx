import type { OtherSource, ReportedResult } from '@/lib/schemas/papers';
import { MarkedValue } from './difference-mark';
import { formatInteger } from './format-reported';

/** Training compute exactly as the source states it: GPU-hours with their basis, total compute, FLOPs, wall-clock. */
export function ComputeCell({ result, others }: { result: ReportedResult; others: readonly OtherSource[] }) {
  const finetuneGflops = result.raw.finetune_training_gflops_per_sample?.trim();
  const lines = [
    result.computeTotal1e11GflopsXSamples !== null && (
      <div key="total" title="CLIPA-v2 Table 1 &quot;total compute&quot;; axis label of clipa_jax/figs/acc_compute.png">
        total <MarkedValue others={others} fields={['computeTotal1e11GflopsXSamples']}>{String(result.computeTotal1e11GflopsXSamples)}</MarkedValue> ×1e11 GFLOPs×samples
      </div>
    ),
    finetuneGflops && <div key="flops">fine-tune {finetuneGflops} GFLOPs/sample</div>,
    result.wallclock && <div key="wallclock">{result.wallclock}</div>,
  ].filter(Boolean);
  if (result.gpuHours === null && lines.length === 0) return <span className="text-zinc-300">—</span>;
  return (
    <div className="min-w-40 space-y-0.5 text-right">
      {result.gpuHours !== null && (
        <div>
          <MarkedValue others={others} fields={['gpuHours']}>{formatInteger(result.gpuHours)}</MarkedValue> GPU-h
        </div>
      )}
      {result.gpuHoursBasis && (
        <div className="line-clamp-2 text-left text-[11px] whitespace-normal text-zinc-500" title={result.gpuHoursBasis}>
          {result.gpuHoursBasis}
        </div>
      )}
      <div className="text-left text-[11px] whitespace-normal text-zinc-600">{lines}</div>
    </div>
  );
}

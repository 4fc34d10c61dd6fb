'use client';

import { useState, type FormEvent } from 'react';
import { authInputClasses } from '@/components/auth/text-field';
import { Button } from '@/components/ui/button';
import { ErrorNotice } from '@/components/ui/error-notice';
import { GPU_TYPES } from '@/lib/plan/gpu-types';
import { formatGpuHours, formatUsd } from '@/lib/plan/budget';
import { useUpdateProjectHardware } from '@/lib/queries/plan';
import type { Plan } from '@/lib/schemas/plan';

type Hardware = Plan['hardware'];
const FIELDS = [
  { name: 'gpuType', label: 'GPU type', placeholder: 'A100-80GB' },
  { name: 'gpuCount', label: 'GPUs', placeholder: '8' },
  { name: 'budgetGpuHours', label: 'Budget (GPU-hours)', placeholder: 'none' },
  { name: 'budgetUsd', label: 'Budget ($)', placeholder: 'none' },
  { name: 'gpuHourPriceUsd', label: 'Price per GPU-hour ($)', placeholder: '1.575' },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];

const asText = (hardware: Hardware): Record<FieldName, string> => ({
  gpuType: hardware.gpuType ?? '',
  gpuCount: hardware.gpuCount === null ? '' : String(hardware.gpuCount),
  budgetGpuHours: hardware.budgetGpuHours === null ? '' : String(hardware.budgetGpuHours),
  budgetUsd: hardware.budgetUsd === null ? '' : String(hardware.budgetUsd),
  gpuHourPriceUsd: String(hardware.gpuHourPriceUsd),
});

/** Text as sent: empty is null (cleared), a number is a number, anything else goes as typed so the 400 names the field. */
const readNumber = (text: string): number | null => (text.trim() === '' ? null : Number.isFinite(Number(text)) ? Number(text) : (text as unknown as number));

/** The lab's hardware and budget, entered once per project (owners); others see the values. */
export function HardwareForm({ slug, hardware, isOwner }: { slug: string; hardware: Hardware; isOwner: boolean }) {
  const update = useUpdateProjectHardware(slug);
  const [draft, setDraft] = useState(() => asText(hardware));
  if (!isOwner) {
    return (
      <p className="p-4 text-sm text-zinc-700">
        {hardware.gpuCount ?? '?'} × {hardware.gpuType ?? 'unknown GPU'} · {formatUsd(hardware.gpuHourPriceUsd)}/GPU-h · budget{' '}
        {hardware.budgetGpuHours !== null ? formatGpuHours(hardware.budgetGpuHours) : 'none'}
        {hardware.budgetUsd !== null ? `, ${formatUsd(hardware.budgetUsd)}` : ''}. Owners change these.
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      gpuType: draft.gpuType.trim() || null,
      gpuCount: readNumber(draft.gpuCount),
      budgetGpuHours: readNumber(draft.budgetGpuHours),
      budgetUsd: readNumber(draft.budgetUsd),
      gpuHourPriceUsd: readNumber(draft.gpuHourPriceUsd) ?? undefined,
    });
  };
  return (
    <form onSubmit={submit} aria-label="Hardware and budget" className="space-y-2 p-4">
      <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
        {FIELDS.map((field) => (
          <label key={field.name} className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
            {field.label}
            <input
              value={draft[field.name]}
              placeholder={field.placeholder}
              list={field.name === 'gpuType' ? 'plan-gpu-types' : undefined}
              onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
              className={authInputClasses}
            />
          </label>
        ))}
      </div>
      <datalist id="plan-gpu-types">
        {GPU_TYPES.map((gpu) => (
          <option key={gpu.name} value={gpu.name} />
        ))}
      </datalist>
      <p className="text-xs text-zinc-500">A known GPU type ({GPU_TYPES.map((gpu) => gpu.name).join(', ')}) gives an estimate before any run measured throughput.</p>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          Save hardware and budget
        </Button>
        {update.isSuccess && !update.isPending && <span className="text-xs text-emerald-700">Saved</span>}
      </div>
      {update.error && <ErrorNotice error={update.error} title="Could not save" />}
    </form>
  );
}

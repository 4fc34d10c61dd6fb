'use client';

import { cn } from '@/components/ui/cn';

/** A small segmented control; the parent keeps the choice (in the URL). */
export function SegmentedChoice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <div className="flex items-center gap-2 text-xs text-zinc-500">
      <span aria-hidden="true">{label}</span>
      <div role="group" aria-label={label} className="inline-flex rounded-md bg-zinc-100 p-0.5">
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={option.value === value}
            data-value={option.value}
            onClick={() => onChange(option.value)}
            className={cn(
              'rounded px-2.5 py-1 text-xs font-medium transition-colors',
              option.value === value ? 'bg-white text-zinc-900 shadow-xs' : 'text-zinc-600 hover:text-zinc-900',
            )}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}

import type { InputHTMLAttributes } from 'react';

export const authInputClasses =
  'block w-full rounded-md border-0 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-accent-600 aria-invalid:ring-red-400';

export function TextField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block space-y-1 text-sm font-medium text-zinc-800">
      <span>{label}</span>
      <input {...input} className={authInputClasses} />
    </label>
  );
}

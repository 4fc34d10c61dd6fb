import type { ReactNode } from 'react';
import type { OtherSource, SourceDifference } from '@/lib/schemas/papers';
import { formatDifferenceValue } from './format-reported';

/** What other sources say instead of the primary row's value of `field`: "82.5 in <source>". */
export function disagreementsOf(others: readonly OtherSource[], field: SourceDifference['field']): string[] {
  return others.flatMap((other) =>
    other.differences
      .filter((difference) => difference.field === field)
      .map((difference) => `${formatDifferenceValue(field, difference.value, other)} in ${other.source}`),
  );
}

/** A primary-row value that another source reports differently, marked ⚠ with the other values in its title. */
export function MarkedValue({ others, fields, children }: { others: readonly OtherSource[]; fields: readonly SourceDifference['field'][]; children: ReactNode }) {
  const disagreements = fields.flatMap((field) => disagreementsOf(others, field));
  if (disagreements.length === 0) return <>{children}</>;
  const title = disagreements.join('\n');
  return (
    <span className="inline-flex items-baseline gap-1 rounded bg-amber-50 px-1 ring-1 ring-amber-200 ring-inset">
      {children}
      <span role="img" aria-label={`Other sources differ: ${disagreements.join('; ')}`} title={title} className="cursor-help text-xs text-amber-700">
        ⚠
      </span>
    </span>
  );
}

import Link from 'next/link';
import { DiagnosticBadge } from '@/components/runs/diagnostic-badges';
import { DIAGNOSTIC_LABELS } from '@/lib/diagnostics/labels';
import { pageUrls } from '@/lib/queries/urls';
import type { DiagnosticBadge as DiagnosticBadgeData } from '@/lib/schemas/diagnostics';

/**
 * What may explain a gap, next to it: the best run's config mismatch when it has one (the first cause
 * of a gap to rule out), else its most severe diagnostic, linking to the run; "+N" for the others.
 */
export function GapDiagnostics({ slug, runKey, badges }: { slug: string; runKey: string; badges: readonly DiagnosticBadgeData[] | undefined }) {
  if (!badges || badges.length === 0) return null;
  const first = badges.find((badge) => badge.code === 'config_mismatch') ?? badges[0]!;
  const others = badges.filter((badge) => badge !== first);
  return (
    <div className="mt-1 flex items-center justify-end gap-1" data-testid="gap-diagnostics">
      <Link href={pageUrls.run(slug, runKey)} aria-label={`${DIAGNOSTIC_LABELS[first.code].label}: open ${runKey}`}>
        <DiagnosticBadge badge={first} />
      </Link>
      {others.length > 0 && (
        <span className="text-xs text-zinc-500" title={others.map((badge) => DIAGNOSTIC_LABELS[badge.code].label).join(', ')}>
          +{others.length}
        </span>
      )}
    </div>
  );
}

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DIAGNOSTIC_LABELS } from '@/lib/diagnostics/labels';
import type { Severity } from '@/lib/diagnostics/types';
import type { DiagnosticBadge as DiagnosticBadgeData } from '@/lib/schemas/diagnostics';

export const SEVERITY_TONES: Record<Severity, BadgeTone> = { high: 'red', medium: 'amber', low: 'neutral' };

/** One diagnostic as a badge: its short name, coloured by severity, the full sentence as title. */
export function DiagnosticBadge({ badge }: { badge: DiagnosticBadgeData }) {
  const { label, title } = DIAGNOSTIC_LABELS[badge.code];
  return (
    <span data-testid="diagnostic-badge" data-code={badge.code} data-severity={badge.severity}>
      <Badge tone={SEVERITY_TONES[badge.severity]} title={`${title} (${badge.severity})`}>
        {label}
      </Badge>
    </span>
  );
}

/** A run's diagnostics as badges, most severe first (the API's order), or nothing. */
export function DiagnosticBadges({ badges, limit = 3 }: { badges: readonly DiagnosticBadgeData[] | undefined; limit?: number }) {
  if (!badges || badges.length === 0) return null;
  const hidden = badges.length - limit;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {badges.slice(0, limit).map((badge) => (
        <DiagnosticBadge key={badge.code} badge={badge} />
      ))}
      {hidden > 0 && (
        <span className="text-xs text-zinc-500" title={badges.slice(limit).map((badge) => DIAGNOSTIC_LABELS[badge.code].label).join(', ')}>
          +{hidden}
        </span>
      )}
    </span>
  );
}

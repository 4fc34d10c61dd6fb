import { Badge } from '@/components/ui/badge';
import type { Verdict } from '@/lib/scorecard/verdict';
import { VERDICT_DESCRIPTIONS, VERDICT_LABELS, VERDICT_TONES } from './verdict-style';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span data-testid="verdict" data-verdict={verdict}>
      <Badge tone={VERDICT_TONES[verdict]} title={VERDICT_DESCRIPTIONS[verdict]}>
        {VERDICT_LABELS[verdict]}
      </Badge>
    </span>
  );
}

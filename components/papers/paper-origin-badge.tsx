import { Badge } from '@/components/ui/badge';
import type { PaperOrigin } from '@/lib/schemas/papers';

export function PaperOriginBadge({ origin }: { origin: PaperOrigin }) {
  return origin === 'lab' ? (
    <Badge tone="amber" title="Imported by a lab from a CSV or through the API">
      added by lab
    </Badge>
  ) : (
    <Badge tone="green" title="Shipped with Reproboard in reference/; every number carries its source">
      reference data
    </Badge>
  );
}

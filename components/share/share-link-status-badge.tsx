import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ShareLinkStatus } from '@/lib/schemas/share-links';

const TONES: Record<ShareLinkStatus, BadgeTone> = { active: 'green', revoked: 'red', expired: 'amber' };

export function ShareLinkStatusBadge({ status }: { status: ShareLinkStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}

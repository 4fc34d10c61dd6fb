'use client';

import { formatRelativeTime, formatTimestamp } from '@/lib/charts/format';
import { useNow } from './use-now';

/** "3 min ago", with the exact timestamp in the title attribute and a machine-readable dateTime. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  const exact = formatTimestamp(iso);
  return (
    <time dateTime={iso} title={exact} className="whitespace-nowrap">
      {now === null ? exact : formatRelativeTime(Date.parse(iso), now)}
    </time>
  );
}

import type { Metadata } from 'next';
import { PapersOverview } from '@/components/papers/papers-overview';

export const metadata: Metadata = { title: 'Papers' };

export default function PapersPage() {
  return <PapersOverview />;
}

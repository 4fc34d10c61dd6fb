import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth/page-access';

/** Papers are the lab's shared reference data: any signed-in member of the lab may read them. */
export default async function PapersLayout({ children }: { children: ReactNode }) {
  await requirePageUser();
  return children;
}

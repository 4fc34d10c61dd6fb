import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountsAdmin } from '@/components/auth/accounts-admin';
import { requirePageUser } from '@/lib/auth/page-access';

export const metadata: Metadata = { title: 'Accounts' };

export default async function AccountsPage() {
  const user = await requirePageUser();
  if (!user.isAdmin) notFound();
  return <AccountsAdmin />;
}

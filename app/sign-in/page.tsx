import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getPageUser } from '@/lib/auth/page-access';
import { firstAdminPending } from '@/lib/auth/setup-state';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  if (await getPageUser()) redirect(typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/');
  const setupPending = await firstAdminPending();
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-8">
      <h1 className="text-xl font-semibold text-zinc-900">Sign in to Reproboard</h1>
      {setupPending ? (
        <p className="text-sm text-zinc-700">
          No account exists yet. <Link href="/setup" className="font-medium text-accent-700 underline">Create the first admin</Link>.
        </p>
      ) : (
        <SignInForm next={typeof next === 'string' ? next : undefined} />
      )}
      <p className="text-xs text-zinc-500">Accounts are created by an admin of this Reproboard. Someone sent you a share link? Open it directly.</p>
    </div>
  );
}
